/**
 * The receipt of a finished apply, below the result header: counts, what was held, linked or failed
 * (by record name), the read-back verification, and the times in local time.
 */
import { codicon, h, linkButton } from './dom';
import { dateTime, localizeTimes } from './format';
import { countNoun } from './labels';
import type { ReceiptView } from './protocol';
import type { RowActions } from './stepRow';

export function receiptSection(receipt: ReceiptView, actions: Pick<RowActions, 'show'>, nameOf: (stepId: string) => string): HTMLElement {
  const linked = receipt.linked ?? [];
  const conflicts = receipt.conflicts ?? [];
  const duplicates = receipt.duplicates ?? [];
  const ok = !receipt.failed.length && !receipt.verification.problems.length && !conflicts.length && !duplicates.length;
  const item = (term: string, value: string | number) => [
    h('dt', {}, term),
    h('dd', {}, typeof value === 'number' ? value.toLocaleString('en-US') : value),
  ];
  const section = h(
    'section',
    { className: `receipt ${ok ? 'ok' : 'problems'}`, attrs: { 'aria-labelledby': 'receipt-title' } },
    h(
      'h2',
      { attrs: { id: 'receipt-title' } },
      codicon(ok ? 'pass' : 'warning'),
      ok ? ' Receipt: applied' : ' Receipt: applied with problems',
    ),
    h(
      'dl',
      { className: 'receipt-counts' },
      ...item('Created', receipt.created),
      ...item('Updated', receipt.updated),
      ...item('Already in Keap (linked)', linked.length),
      ...item('Held as conflicts', conflicts.length),
      ...item('Left as they were', receipt.skipped),
      ...item('Found done after a restart', receipt.reconciled),
      ...item('Failed', receipt.failed.length),
      ...item('Not applied', receipt.notApplied.length),
      ...item('Old ids mapped to new', receipt.idMap.length),
      ...item('Requests to Keap', receipt.requests),
      ...item('Started', dateTime(receipt.startedAt)),
      ...item('Finished', dateTime(receipt.finishedAt)),
    ),
  );
  const showStep = (stepId: string) => linkButton(nameOf(stepId), `Show ${nameOf(stepId)} in the list`, () => actions.show(stepId));
  const stepList = (title: string, className: string, entries: Array<{ stepId: string; text: string }>) =>
    section.append(
      h('h3', {}, title),
      h('ul', { className }, ...entries.map((e) => h('li', {}, showStep(e.stepId), `: ${localizeTimes(e.text)}`))),
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
            `${nameOf(`${d.entity}:${d.oldId}`)} is in Keap ${d.liveIds.length} times (${d.liveIds.map((id) => `#${id}`).join(', ')}): another apply ran at the same time elsewhere`,
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
      linked.map((l) => ({ stepId: l.stepId, text: `#${l.liveId}: ${l.reason}` })),
    );
  if (receipt.failed.length)
    stepList(
      'Failed',
      'failed',
      receipt.failed.map((f) => ({ stepId: f.stepId, text: f.message })),
    );
  const { checked, problems } = receipt.verification;
  section.append(
    problems.length
      ? h(
          'div',
          { className: 'verification problems' },
          h(
            'h3',
            {},
            codicon('error'),
            ` Read back: ${countNoun(problems.length, 'difference')} in ${countNoun(checked, { one: 'record', many: 'records' })} checked`,
          ),
          h('ul', {}, ...problems.map((p) => h('li', {}, localizeTimes(p)))),
        )
      : h(
          'div',
          { className: 'verification ok' },
          h(
            'h3',
            {},
            codicon('pass'),
            ` Verified: ${countNoun(checked, { one: 'record', many: 'records' })} read back from Keap ${checked === 1 ? 'matches' : 'match'} the snapshot`,
          ),
        ),
  );
  if (receipt.notApplied.length) {
    section.append(
      h(
        'details',
        {},
        h('summary', {}, `${countNoun(receipt.notApplied.length, { one: 'step', many: 'steps' })} not applied`),
        h('ul', {}, ...receipt.notApplied.map((n) => h('li', {}, showStep(n.stepId), `: ${localizeTimes(n.reason)}`))),
      ),
    );
  }
  return section;
}
