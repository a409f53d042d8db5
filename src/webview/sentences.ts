/**
 * The sentences that say what a plan will do and what an apply did, from counts: the page's summary
 * and result header, and the host's confirmation, notification and tab title. Pure (no DOM), so both
 * sides say the same thing in the same words.
 */
import { actionCount, countOf, ENTITY_IMPORTANCE, listOf } from './labels';
import type { Headline, PlanAction, PlanStepView, ReceiptView, RestoreEntity } from './protocol';

export type EntityCounts = Partial<Record<RestoreEntity, number>>;

/** "2 orders, 4 payments and 1 custom field", most important first; '' for none. */
export function countsText(counts: EntityCounts): string {
  return listOf(ENTITY_IMPORTANCE.filter((e) => counts[e]).map((e) => countOf(counts[e]!, e)));
}

export function sumCounts(counts: EntityCounts): number {
  return Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
}

/** Per entity, how many steps of `action` the headline holds. */
export function headlineCounts(headline: Headline, action: PlanAction): EntityCounts {
  const out: EntityCounts = {};
  for (const [entity, counts] of Object.entries(headline) as Array<[RestoreEntity, Record<PlanAction, number>]>)
    if (counts[action]) out[entity] = counts[action];
  return out;
}

/** Per entity and action, the steps given (e.g. the selection). */
export function stepCounts(steps: Iterable<PlanStepView>, action: PlanAction): EntityCounts {
  const out: EntityCounts = {};
  for (const step of steps) if (step.action === action) out[step.entity] = (out[step.entity] ?? 0) + 1;
  return out;
}

/**
 * The plan in one paragraph: "Will create 2 orders, 4 payments and 1 custom field in Keap (acme).
 * Nothing is deleted. 1 order needs your decision. 1 subscription can't be restored." Parts, so the
 * page can set the connection's name apart.
 */
export function planSentence(headline: Headline): { will: string; after: string[] } {
  const creates = countsText(headlineCounts(headline, 'create'));
  const updates = countsText(headlineCounts(headline, 'update'));
  const will =
    creates && updates
      ? `Will create ${creates}, and update ${updates}`
      : creates
        ? `Will create ${creates}`
        : updates
          ? `Will update ${updates}`
          : 'Nothing to create or update';
  const after = ['Nothing is deleted.'];
  const conflicts = headlineCounts(headline, 'conflict');
  const blocked = headlineCounts(headline, 'blocked');
  for (const e of ENTITY_IMPORTANCE)
    if (conflicts[e]) after.push(`${countOf(conflicts[e]!, e)} ${conflicts[e] === 1 ? 'needs' : 'need'} your decision.`);
  for (const e of ENTITY_IMPORTANCE) if (blocked[e]) after.push(`${countOf(blocked[e]!, e)} can't be restored.`);
  return { will, after };
}

/** The same as one string: "Will create … in Keap (acme). Nothing is deleted. …". */
export function planSentenceText(headline: Headline, connection: string): string {
  const { will, after } = planSentence(headline);
  return [`${will} in ${connection}.`, ...after].join(' ');
}

/** "7 to create · 1 needs your decision · 64 unchanged" for one entity's counts. */
export function entityCountsText(counts: Partial<Record<PlanAction, number>>, order: readonly PlanAction[]): string {
  return order
    .filter((a) => counts[a])
    .map((a) => actionCount(counts[a]!, a))
    .join(' · ');
}

/** Whether the receipt reports anything a person must look at. */
export function receiptHasProblems(receipt: ReceiptView): boolean {
  return !!(receipt.failed.length || receipt.verification.problems.length || receipt.conflicts?.length || receipt.duplicates?.length);
}

/** Per entity, what the receipt's id map says was created. */
export function createdCounts(receipt: ReceiptView): EntityCounts {
  const out: EntityCounts = {};
  for (const entry of receipt.idMap) out[entry.entity] = (out[entry.entity] ?? 0) + 1;
  return out;
}

/** Per entity, the steps of `action` that apply reported done (what the page knows from progress). */
export function doneCounts(steps: Iterable<PlanStepView>, progress: Record<string, { status: string }>, action: PlanAction): EntityCounts {
  return stepCounts(
    [...steps].filter((s) => progress[s.id]?.status === 'done'),
    action,
  );
}

/**
 * The result of an apply in one line: "Restored 2 orders and 4 payments · verified 3/3", with what
 * went wrong: "Restored 1 order · 1 failed · verified 1/1". `done`: what was created and updated per
 * kind of record when the caller knows it (the page, from progress); else the receipt's id map says
 * what was created.
 */
export function resultSentence(receipt: ReceiptView, done?: { created: EntityCounts; updated: EntityCounts }): string {
  const created = countsText(done?.created ?? createdCounts(receipt));
  const updated = done ? countsText(done.updated) : '';
  const linked = receipt.linked?.length ?? 0;
  const parts = [
    created ? `Restored ${created}` : receipt.created ? `Restored ${receipt.created.toLocaleString('en-US')} records` : '',
    updated ? `updated ${updated}` : receipt.updated ? `updated ${receipt.updated.toLocaleString('en-US')}` : '',
    linked ? `linked ${linked.toLocaleString('en-US')} already in Keap` : '',
  ];
  const written = parts.filter(Boolean);
  const head = written.length ? written.join(', ') : 'Nothing was written';
  const problems = [
    receipt.failed.length ? `${receipt.failed.length} failed` : '',
    receipt.conflicts?.length ? `${receipt.conflicts.length} held as ${receipt.conflicts.length === 1 ? 'a conflict' : 'conflicts'}` : '',
    receipt.duplicates?.length ? `${receipt.duplicates.length} restored twice` : '',
  ].filter(Boolean);
  const { checked, problems: differences } = receipt.verification;
  // A verification problem is one difference, not one record: say how many, not a ratio that could mislead.
  const verified = differences.length
    ? ` · verification found ${differences.length} ${differences.length === 1 ? 'difference' : 'differences'}`
    : checked
      ? ` · verified ${checked}/${checked}`
      : '';
  return `${head}${problems.length ? ` · ${problems.join(', ')}` : ''}${verified}`;
}
