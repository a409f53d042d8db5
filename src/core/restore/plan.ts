/**
 * The restore plan: a versioned JSON document holding one action per record, in dependency order,
 * fingerprinted with the snapshot and the live read it was made from. It is what the preview shows
 * and exactly what apply executes. Additive changes keep the major version.
 */
import { createHash, hash } from 'node:crypto';
import { RESTORE_ORDER, type Headline, type PlanStep, type RestorePlan } from './planTypes';
import { KeapVaultError } from '../errors';

export * from './planTypes';

/**
 * The plan format this release writes. 2.0: records identical in the account are counted
 * (`identical`), not listed, and apply needs `live.entities` and `live.newest` to check and guard
 * such a plan; a 1.x reader would apply it with neither, so it must refuse it.
 */
export const PLAN_FORMAT_VERSION = '2.0';

/** The major versions this release reads: 1 (every record a step) and 2. */
const READABLE_PLAN_MAJORS: readonly string[] = ['1', '2'];

/** Why this release cannot read a plan of this format version, or undefined when it can. */
export function planFormatProblem(version: unknown): string | undefined {
  if (typeof version === 'string' && READABLE_PLAN_MAJORS.includes(version.split('.')[0])) return undefined;
  return `This plan has format ${String(version)}; this Keap Vault reads ${READABLE_PLAN_MAJORS.map((m) => `${m}.x`).join(' and ')}. Update Keap Vault, or plan again.`;
}

/** Steps per entity and action; the identical records a plan counts instead of listing are skips. */
export function headlineOf(steps: Iterable<Pick<PlanStep, 'entity' | 'action'>>, identical: RestorePlan['identical'] = {}): Headline {
  const headline: Headline = {};
  const row = (entity: PlanStep['entity']) => (headline[entity] ??= { create: 0, update: 0, skip: 0, conflict: 0, blocked: 0 });
  for (const step of steps) row(step.entity)[step.action]++;
  for (const [entity, count] of Object.entries(identical) as Array<[PlanStep['entity'], number]>) if (count) row(entity).skip += count;
  // In the order steps run, whichever came first above.
  return Object.fromEntries(RESTORE_ORDER.filter((e) => headline[e]).map((e) => [e, headline[e]])) as Headline;
}

/** How many records the plan counts as identical instead of listing them (format 2.0), over every entity. */
export function identicalCount(plan: Pick<RestorePlan, 'identical'>): number {
  return Object.values(plan.identical ?? {}).reduce((sum, n) => sum + (n ?? 0), 0);
}

export function hashRecord(json: string): string {
  return ownString(sha256Hex(json).slice(0, 32));
}

/**
 * A string of its own: a slice of 13 characters or more keeps the whole string it was cut from
 * alive, and a plan (and the live index) keeps a hash per live record. JSON.parse of a quoted
 * string yields a new flat string.
 */
function ownString(text: string): string {
  return JSON.parse(`"${text}"`) as string;
}

/**
 * SHA-256 in hex. A plan hashes every live record it depends on: crypto.hash (Node 20.12 and later)
 * does it in one call, without a Hash object per record; earlier Node 20 releases lack it.
 */
export const sha256Hex: (text: string) => string =
  typeof hash === 'function' ? (text) => hash('sha256', text, 'hex') : (text) => createHash('sha256').update(text).digest('hex');

export function fingerprintOf(records: RestorePlan['live']['records']): string {
  const hash = createHash('sha256');
  for (const r of [...records].sort((a, b) => `${a.entity}:${a.id}`.localeCompare(`${b.entity}:${b.id}`)))
    hash.update(`${r.entity}:${r.id}:${r.hash}\n`);
  return hash.digest('hex');
}

export class PlanFormatError extends KeapVaultError<'plan-format'> {
  readonly kind = 'plan-format';
}

/** Reads a plan's JSON text, refusing other documents and newer major versions. */
export function parsePlan(text: string): RestorePlan {
  let plan: RestorePlan;
  try {
    plan = JSON.parse(text) as RestorePlan;
  } catch {
    throw new PlanFormatError('Not a restore plan: the file is not JSON.');
  }
  return checkPlan(plan);
}

/** `plan` if it is a restore plan of a major version this release reads. */
export function checkPlan(plan: RestorePlan): RestorePlan {
  if (!plan || typeof plan.formatVersion !== 'string') throw new PlanFormatError('Not a Keap Vault restore plan.');
  // The version first: a newer major version may be shaped otherwise, and updating is the way on.
  const problem = planFormatProblem(plan.formatVersion);
  if (problem) throw new PlanFormatError(problem);
  if (!Array.isArray(plan.steps) || !Array.isArray(plan.live?.records)) throw new PlanFormatError('Not a Keap Vault restore plan.');
  return plan;
}
