/** The receipt of a finished apply: counts, what was held, linked or failed, and the read-back verification. */
import { codicon, h, linkButton } from './dom';
import type { ReceiptView } from './protocol';
import type { RowActions } from './stepRow';

export function receiptSection(receipt: ReceiptView, actions: Pick<RowActions, 'show'>): HTMLElement {
  const linked = receipt.linked ?? [];
  const conflicts = receipt.conflicts ?? [];
  const duplicates = receipt.duplicates ?? [];
  const ok = !receipt.failed.length && !receipt.verification.problems.length && !conflicts.length && !duplicates.length;
  const item = (term: string, value: string | number) => [h('dt', {}, term), h('dd', {}, String(value))];
  const section = h(
    'section',
    { className: `receipt ${ok ? 'ok' : 'problems'}`, attrs: { 'aria-label': 'Receipt' } },
    h('h2', {}, codicon(ok ? 'pass' : 'warning'), ok ? ' Applied' : ' Applied with problems'),
    h(
      'dl',
      { className: 'receipt-counts' },
      ...item('Created', receipt.created),
      ...item('Updated', receipt.updated),
      ...item('Already in Keap (linked)', linked.length),
      ...item('Held as conflicts', conflicts.length),
      ...item('Skipped', receipt.skipped),
      ...item('Reconciled after a crash', receipt.reconciled),
      ...item('Failed', receipt.failed.length),
      ...item('Not applied', receipt.notApplied.length),
      ...item('Ids mapped', receipt.idMap.length),
      ...item('Requests', receipt.requests),
      ...item('Started', receipt.startedAt),
      ...item('Finished', receipt.finishedAt),
    ),
  );
  const stepList = (title: string, className: string, entries: Array<{ stepId: string; text: string }>) =>
    section.append(
      h('h3', {}, title),
      h(
        'ul',
        { className },
        ...entries.map((e) =>
          h(
            'li',
            {},
            linkButton(e.stepId, `Filter the list to ${e.stepId}`, () => actions.show(e.stepId)),
            `: ${e.text}`,
          ),
        ),
      ),
    );
  if (duplicates.length) {
    section.append(
      h('h3', {}, codicon('error'), ' Restored more than once'),
      h(
        'ul',
        { className: 'duplicates' },
        ...duplicates.map((d) =>
          h(
            'li',
            {},
            `${d.entity} ${d.oldId} is in Keap ${d.liveIds.length} times (${d.liveIds.join(', ')}): another apply ran at the same time elsewhere`,
          ),
        ),
      ),
    );
  }
  if (conflicts.length)
    stepList(
      'Held as conflicts',
      'conflicts',
      conflicts.map((c) => ({ stepId: c.stepId, text: c.reason })),
    );
  if (linked.length)
    stepList(
      'Already in Keap, linked (nothing sent)',
      'linked',
      linked.map((l) => ({ stepId: l.stepId, text: `${l.liveId}: ${l.reason}` })),
    );
  if (receipt.failed.length) {
    section.append(
      h('h3', {}, 'Failed'),
      h(
        'ul',
        { className: 'failed' },
        ...receipt.failed.map((f) =>
          h(
            'li',
            {},
            linkButton(f.stepId, `Filter the list to ${f.stepId}`, () => actions.show(f.stepId)),
            `: ${f.message}`,
          ),
        ),
      ),
    );
  }
  const verification = receipt.verification.problems.length
    ? h(
        'div',
        { className: 'verification problems' },
        h(
          'h3',
          {},
          codicon('error'),
          ` Verification found ${receipt.verification.problems.length} problem(s) in ${receipt.verification.checked} record(s) checked`,
        ),
        h('ul', {}, ...receipt.verification.problems.map((p) => h('li', {}, p))),
      )
    : h(
        'div',
        { className: 'verification ok' },
        h('h3', {}, codicon('pass'), ` Verified: ${receipt.verification.checked} record(s) read back match the plan`),
      );
  section.append(verification);
  if (receipt.notApplied.length) {
    section.append(
      h(
        'details',
        {},
        h('summary', {}, `${receipt.notApplied.length} step(s) not applied`),
        h(
          'ul',
          {},
          ...receipt.notApplied.map((n) =>
            h(
              'li',
              {},
              linkButton(n.stepId, `Filter the list to ${n.stepId}`, () => actions.show(n.stepId)),
              ` ${n.action}: ${n.reason}`,
            ),
          ),
        ),
      ),
    );
  }
  return section;
}
