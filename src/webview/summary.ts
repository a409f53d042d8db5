/**
 * The top of the page, what a person reads first: one sentence saying what Apply will do (or, after
 * it, what it did), where the plan comes from, what the "Keap Vault Ref" field is, and the counts per
 * kind of record with the unchanged ones folded into one line.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { codicon, h, linkButton, type Child } from './dom';
import { dateTime } from './format';
import { actionCount, capitalize, countNoun, ENTITY_IMPORTANCE, ENTITY_NOUN, entityTitle, listOf } from './labels';
import type { PlanAction, PlanView, ReceiptView, RestoreEntity } from './protocol';
import { doneCounts, planSentence, receiptHasProblems, resultSentence } from './sentences';

/** Filters the step list to one entity and action (the counts and notices link to it). */
export type ShowSteps = (entity: RestoreEntity | 'all', action: PlanAction | 'all' | 'relevant') => void;

export interface ResultActions {
  exportIdMap(format: 'csv' | 'json'): void;
  compareWithLive(): void;
}

/** Before Apply: the plan's sentence, with the connection's name set apart. */
export function planHeader(plan: PlanView, connection: string, applying: boolean): HTMLElement {
  const { will, after } = planSentence(plan.headline);
  return h(
    'header',
    { className: 'plan-header' },
    h('h1', { className: 'sentence' }, applying ? 'Restoring: ' : '', `${will} in `, h('em', {}, connection), '.'),
    h('p', { className: 'sentence-after' }, after.join(' ')),
    planMeta(plan),
  );
}

/** After Apply: the result in one line, and what to do next (the id map, a compare with the account now). */
export function resultHeader(
  plan: PlanView,
  connection: string,
  receipt: ReceiptView,
  progress: Record<string, { status: string }>,
  actions: ResultActions,
): HTMLElement {
  const problems = receiptHasProblems(receipt);
  // Progress says per kind what was written; a page reopened after the apply may have only the receipt.
  const created = doneCounts(plan.steps, progress, 'create');
  const done = Object.keys(created).length ? { created, updated: doneCounts(plan.steps, progress, 'update') } : undefined;
  const button = (label: string, icon: string, className: string, onClick: () => void, secondary = true) =>
    h('vscode-button', { className, attrs: { icon, secondary }, on: { click: onClick } }, label);
  return h(
    'header',
    { className: `plan-header result ${problems ? 'problems' : 'ok'}` },
    h('h1', { className: 'sentence' }, codicon(problems ? 'warning' : 'pass-filled', 'result-icon'), ` ${resultSentence(receipt, done)}`),
    h(
      'p',
      { className: 'sentence-after' },
      `In `,
      h('em', {}, connection),
      `, finished ${dateTime(receipt.finishedAt)}. ${problems ? 'See what went wrong below.' : 'Nothing was deleted.'}`,
    ),
    h(
      'div',
      { className: 'result-actions' },
      button('Export id map (CSV)', 'export', 'export-csv', () => actions.exportIdMap('csv'), false),
      button('Export id map (JSON)', 'export', 'export-json', () => actions.exportIdMap('json')),
      button('Compare with live', 'diff', 'compare-live', () => actions.compareWithLive()),
    ),
    planMeta(plan),
  );
}

function planMeta(plan: PlanView): HTMLElement {
  const item = (term: string, value: string, title?: string) => [h('dt', {}, term), h('dd', { attrs: { title } }, value)];
  return h(
    'dl',
    { className: 'meta' },
    ...item('From the snapshot of', dateTime(plan.snapshot.finishedAt), `Snapshot ${plan.snapshot.snapshotId}`),
    ...item('Account read', dateTime(plan.live.readAt), plan.account),
    // What Apply of every step costs under the quota known when the plan was made.
    ...(plan.estimate ? item('Applying it takes', plan.estimate.summary) : []),
    ...(plan.estimate?.quota ? item("Keap's quota", plan.estimate.quota.replace(/^Keap's quota for /, 'for ')) : []),
    ...item('Plan made', dateTime(plan.createdAt), `Plan ${plan.planId}`),
  );
}

/** Entities whose restored records carry the marker in a custom field (payments carry it in their note). */
const MARKED: readonly RestoreEntity[] = ['contacts', 'companies', 'orders', 'subscriptions'];

/** What the "Keap Vault Ref" field is and why the restore writes it: said once, near the top. */
export function markerNote(plan: PlanView): HTMLElement | null {
  const creates = plan.steps.some((s) => s.action === 'create' && s.entity !== 'custom_fields');
  const newFields = plan.steps.filter((s) => s.entity === 'custom_fields' && s.action === 'create' && s.recordType);
  if (!creates && !newFields.length) return null;
  const kinds = MARKED.filter((e) => plan.steps.some((s) => s.entity === e && s.action === 'create')).map((e) => ENTITY_NOUN[e].one);
  return h(
    'section',
    { className: 'note marker-note', attrs: { 'aria-label': `About "${plan.markerLabel}"` } },
    codicon('info'),
    h(
      'p',
      {},
      h('strong', {}, `About "${plan.markerLabel}": `),
      `each ${kinds.length ? listOf(kinds) : 'record'} this restore creates keeps its id from the snapshot in a text custom field named "${plan.markerLabel}" (a payment keeps it in its note). That is how Keap Vault recognises a restored record later and never creates it twice. `,
      newFields.length
        ? `Your account has no such field for ${newFields.length === 1 ? 'one kind of record' : `${newFields.length} kinds of record`} yet: the restore adds ${newFields.length === 1 ? 'it' : 'them'} first.`
        : '',
    ),
  );
}

const COUNT_ORDER: readonly PlanAction[] = ['create', 'update', 'conflict', 'blocked'];

/**
 * One line per kind of record that something happens to ("Orders: 7 to create · 1 needs your
 * decision"); every unchanged record, of every kind, folded into the last line. Each count shows its steps.
 */
export function countsSection(plan: PlanView, show: ShowSteps): HTMLElement {
  const lines: Child[] = [];
  let unchanged = 0;
  for (const entity of ENTITY_IMPORTANCE) {
    const counts = plan.headline[entity];
    if (!counts) continue;
    unchanged += counts.skip ?? 0;
    const shown = COUNT_ORDER.filter((a) => counts[a]);
    if (!shown.length) continue;
    const parts: Child[] = [];
    shown.forEach((action, i) => {
      if (i) parts.push(' · ');
      const n = counts[action];
      parts.push(
        linkButton(actionCount(n, action), `Show the ${countNoun(n, ENTITY_NOUN[entity])} (${actionCount(n, action)})`, () =>
          show(entity, action),
        ),
      );
    });
    lines.push(
      h('li', { attrs: { 'data-entity': entity } }, h('span', { className: 'count-entity' }, `${entityTitle(entity)}: `), ...parts),
    );
  }
  // Identical records a plan counts are not steps: nothing to show for them but their number.
  const counted = Object.values(plan.identical ?? {}).reduce((sum, n) => sum + (n ?? 0), 0);
  if (unchanged) {
    const already = `${countNoun(unchanged, { one: 'record is', many: 'records are' })} already in the account`;
    lines.push(
      h(
        'li',
        { className: 'unchanged', attrs: { 'data-entity': 'all' } },
        unchanged > counted ? linkButton(already, 'Show the records left as they are', () => show('all', 'skip')) : already,
        ' and left as they are.',
        counted
          ? ` ${counted === unchanged ? (unchanged === 1 ? 'It is' : 'All are') : `${counted.toLocaleString('en-US')} of them ${counted === 1 ? 'is' : 'are'}`} identical to the snapshot: counted, not listed.`
          : '',
      ),
    );
  }
  return h(
    'section',
    { className: 'counts', attrs: { 'aria-labelledby': 'counts-title' } },
    h('h2', { attrs: { id: 'counts-title' } }, capitalize('what happens to each kind of record')),
    h('ul', {}, ...lines),
  );
}
