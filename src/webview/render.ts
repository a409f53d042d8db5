/**
 * Builders for the parts of the plan view. Each returns fresh DOM made with `h` (text only, never
 * HTML); the view decides when to rebuild which part.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { choicesFor, type Choice } from './choices';
import { codicon, fill, formatValue, h, linkButton, type Child } from './dom';
import {
  PLAN_ACTIONS,
  RESTORE_ORDER,
  type PlanAction,
  type PlanStepView,
  type PlanView,
  type ReceiptView,
  type ReplanOptions,
  type RestoreEntity,
  type StepProgress,
  type StepStatus,
} from './protocol';
import { isActionable } from './selection';

export interface RowActions {
  toggle(stepId: string, checked: boolean): void;
  open(entity: RestoreEntity, id: string, where: 'snapshot' | 'live'): void;
  show(stepId: string): void;
  replan(options: ReplanOptions): void;
}

/** The cells a progress message changes, kept so a step updates without rebuilding the table. */
export interface RowRefs {
  row: HTMLTableRowElement;
  checkbox?: HTMLElementTagNameMap['vscode-checkbox'];
  newId: HTMLTableCellElement;
  status: HTMLTableCellElement;
}

const ACTION_ICON: Record<PlanAction, string> = {
  create: 'add',
  update: 'edit',
  skip: 'dash',
  conflict: 'warning',
  blocked: 'circle-slash',
};
const STATUS_ICON: Record<StepStatus, string> = {
  running: 'loading codicon-modifier-spin',
  done: 'check',
  skipped: 'dash',
  failed: 'error',
  reconciled: 'sync',
  'already-done': 'check-all',
  linked: 'link',
  conflict: 'warning',
};
const STATUS_TEXT: Record<StepStatus, string> = {
  running: 'running',
  done: 'done',
  skipped: 'skipped',
  failed: 'failed',
  reconciled: 'reconciled',
  'already-done': 'already done',
  linked: 'already in Keap: linked',
  conflict: 'held: look-alike appeared',
};

export const ENTITY_LABEL: Record<RestoreEntity, string> = {
  custom_fields: 'Custom fields',
  tags: 'Tags',
  companies: 'Companies',
  contacts: 'Contacts',
  products: 'Products',
  subscription_plans: 'Subscription plans',
  orders: 'Orders',
  payments: 'Payments',
  contact_tags: 'Contact tags',
  subscriptions: 'Subscriptions',
  campaigns: 'Campaigns',
};

export function planMeta(plan: PlanView): HTMLElement {
  const item = (term: string, value: string) => [h('dt', {}, term), h('dd', {}, value)];
  return h(
    'dl',
    { className: 'meta' },
    ...item('Account', plan.account),
    ...item('Snapshot', `${plan.snapshot.snapshotId} (${plan.snapshot.finishedAt})`),
    ...item('Live read', plan.live.readAt),
    ...item('Plan', `${plan.planId}, made ${plan.createdAt}`),
  );
}

/** Counts per entity and action; each non-zero count filters the list to those steps. */
export function headlineTable(
  plan: PlanView,
  onPick: (entity: RestoreEntity | 'all', action: PlanAction | 'all') => void,
): HTMLTableElement {
  const entities = RESTORE_ORDER.filter((e) => plan.headline[e]);
  const totals = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as Record<PlanAction, number>;
  const countCell = (entity: RestoreEntity | 'all', action: PlanAction, n: number) => {
    const attrs = { 'data-entity': entity, 'data-action': action };
    if (!n) return h('td', { className: 'count zero', attrs }, '0');
    const label = `${n}`;
    return h(
      'td',
      { className: `count action-${action}`, attrs },
      linkButton(label, `Show ${action} steps${entity === 'all' ? '' : ` of ${ENTITY_LABEL[entity].toLowerCase()}`}`, () =>
        onPick(entity, action),
      ),
    );
  };
  const rows = entities.map((entity) => {
    const counts = plan.headline[entity]!;
    for (const a of PLAN_ACTIONS) totals[a] += counts[a] ?? 0;
    return h(
      'tr',
      { attrs: { 'data-entity': entity } },
      h('th', { attrs: { scope: 'row' } }, ENTITY_LABEL[entity]),
      ...PLAN_ACTIONS.map((a) => countCell(entity, a, counts[a] ?? 0)),
    );
  });
  return h(
    'table',
    { className: 'headline' },
    h('caption', {}, 'Steps per entity and action'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'col' } }, 'Entity'),
        ...PLAN_ACTIONS.map((a) => h('th', { attrs: { scope: 'col' } }, codicon(ACTION_ICON[a]), ` ${a}`)),
      ),
    ),
    h('tbody', {}, ...rows),
    h(
      'tfoot',
      {},
      h(
        'tr',
        { attrs: { 'data-entity': 'all' } },
        h('th', { attrs: { scope: 'row' } }, 'Total'),
        ...PLAN_ACTIONS.map((a) => countCell('all', a, totals[a])),
      ),
    ),
  );
}

export function actionBadge(step: PlanStepView): HTMLElement {
  return h('span', { className: `action action-${step.action}` }, codicon(ACTION_ICON[step.action]), ` ${step.action}`);
}

export function statusContent(progress: StepProgress | undefined): Node[] {
  if (!progress) return [];
  const content: Node[] = [codicon(STATUS_ICON[progress.status]), document.createTextNode(` ${STATUS_TEXT[progress.status]}`)];
  if (progress.message) content.push(h('div', { className: 'status-message' }, progress.message));
  return content;
}

/** The new-id cell: the id apply got back, else the live record the plan matched (muted). */
export function newIdContent(step: PlanStepView, progress: StepProgress | undefined, actions: RowActions): Node[] {
  if (progress?.newId)
    return [
      linkButton(progress.newId, `Open live ${step.entity} ${progress.newId}`, () => actions.open(step.entity, progress.newId!, 'live')),
    ];
  if (step.liveId && step.liveId !== step.oldId)
    return [h('span', { className: 'muted', attrs: { title: 'The live record this step matched' } }, step.liveId)];
  return [];
}

function choiceNode(choice: Choice, actions: RowActions): Node {
  switch (choice.kind) {
    case 'replan':
      return h(
        'vscode-button',
        { className: 'choice', attrs: { secondary: true, icon: 'refresh' }, on: { click: () => actions.replan(choice.options) } },
        choice.label,
      );
    case 'open':
      return linkButton(choice.label, choice.label, () => actions.open(choice.entity, choice.id, choice.where));
    case 'show':
      return linkButton(choice.label, `Filter the list to ${choice.stepId}`, () => actions.show(choice.stepId));
    case 'note':
      return h('span', { className: 'note' }, choice.label);
  }
}

function detailCell(step: PlanStepView, plan: PlanView, actions: RowActions): HTMLTableCellElement {
  const cell = h(
    'td',
    { className: 'detail' },
    h('div', { className: 'reason' }, step.reason),
    h('div', { className: 'detail-text' }, step.detail),
  );
  if (step.changes?.length) {
    cell.append(
      h(
        'ul',
        { className: 'changes' },
        ...step.changes.map((c) =>
          h(
            'li',
            {},
            h('code', { className: 'path' }, c.path),
            ': ',
            h('span', { className: 'before' }, formatValue(c.before)),
            h('span', { className: 'arrow', attrs: { 'aria-label': 'becomes' } }, ' → '),
            h('span', { className: 'after' }, formatValue(c.after)),
          ),
        ),
      ),
    );
  }
  for (const effect of step.sideEffects ?? []) cell.append(h('div', { className: 'side-effect' }, codicon('warning'), ` ${effect}`));
  const choices = choicesFor(step, plan.options);
  if (choices.length) cell.append(h('div', { className: 'choices' }, ...choices.map((c) => choiceNode(c, actions))));
  return cell;
}

export function stepRow(
  step: PlanStepView,
  index: number,
  plan: PlanView,
  selected: boolean,
  selectable: boolean,
  progress: StepProgress | undefined,
  actions: RowActions,
): RowRefs {
  const selectCell = h('td', { className: 'select' });
  let checkbox: RowRefs['checkbox'];
  if (isActionable(step)) {
    checkbox = h('vscode-checkbox', { attrs: { 'aria-label': `Apply ${step.id}`, title: `Apply ${step.id}` } });
    checkbox.checked = selected;
    checkbox.disabled = !selectable;
    checkbox.addEventListener('change', () => actions.toggle(step.id, checkbox!.checked));
    selectCell.append(checkbox);
  }
  const record = h(
    'td',
    { className: 'record' },
    h('div', { className: 'record-label' }, step.label ?? step.id),
    h(
      'div',
      { className: 'ids' },
      linkButton(step.oldId, `Open snapshot ${step.entity} ${step.oldId}`, () => actions.open(step.entity, step.oldId, 'snapshot')),
      step.pulledIn ? h('vscode-badge', { attrs: { title: 'Added because a selected record needs it' } }, 'pulled in') : null,
    ),
  );
  const depends = h(
    'td',
    { className: 'depends' },
    ...step.dependsOn.map((id) =>
      h(
        'div',
        {},
        linkButton(id, `Filter the list to ${id}`, () => actions.show(id)),
      ),
    ),
  );
  const newId = h('td', { className: 'new-id' }, ...newIdContent(step, progress, actions));
  const status = h('td', { className: 'status' }, ...statusContent(progress));
  const row = h(
    'tr',
    { className: `step action-${step.action}${progress ? ` status-${progress.status}` : ''}`, attrs: { 'data-step-id': step.id } },
    selectCell,
    h('td', { className: 'index' }, index + 1),
    h('td', { className: 'entity' }, step.entity),
    h('td', {}, actionBadge(step)),
    record,
    detailCell(step, plan, actions),
    depends,
    newId,
    status,
  );
  return { row, checkbox, newId, status };
}

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

/** Fills the confirmation dialog; returns its Apply button (focused when the dialog opens). */
export function fillConfirmDialog(
  dialog: HTMLDialogElement,
  account: string,
  counts: { creates: number; updates: number; sideEffects: number },
  onConfirm: () => void,
): HTMLElement {
  const confirm = h('vscode-button', { className: 'confirm-apply', attrs: { icon: 'play' }, on: { click: onConfirm } }, 'Apply');
  const cancel = h(
    'vscode-button',
    { className: 'confirm-cancel', attrs: { secondary: true }, on: { click: () => dialog.close() } },
    'Cancel',
  );
  fill(
    dialog,
    h('h2', { attrs: { id: 'confirm-title' } }, 'Apply this plan?'),
    h('p', { className: 'confirm-counts' }, `${counts.creates} create(s) and ${counts.updates} update(s) will be written to ${account}.`),
    counts.sideEffects
      ? h(
          'p',
          { className: 'confirm-side-effects' },
          codicon('warning'),
          ` ${counts.sideEffects} of these steps make Keap act (automations, receipts, commissions).`,
        )
      : null,
    h('p', { className: 'muted' }, 'Apply re-reads the account first and stops if it changed since the plan was made.'),
    h('div', { className: 'dialog-buttons' }, confirm, cancel),
  );
  return confirm;
}

/** What Keap will do on its own because of the selected writes, grouped by effect; nothing when none. */
export function sideEffectsContent(selected: PlanStepView[]): Child[] {
  const counts = new Map<string, number>();
  for (const step of selected) for (const effect of step.sideEffects ?? []) counts.set(effect, (counts.get(effect) ?? 0) + 1);
  if (!counts.size) return [];
  return [
    h('h2', {}, codicon('warning'), ' Side effects in Keap'),
    h('ul', {}, ...[...counts].map(([effect, n]) => h('li', {}, h('strong', {}, `${n} step(s): `), effect))),
  ];
}
