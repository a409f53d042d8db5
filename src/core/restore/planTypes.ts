/**
 * The restore plan's types, without behaviour or Node imports, so that the preview webview (a
 * browser bundle) uses the very same definitions as the planner and the applier.
 */
import type { SnapshotEntity } from '../entities/names';

export type PlanAction = 'create' | 'update' | 'skip' | 'conflict' | 'blocked';

export type ReasonCode =
  | 'missing-in-live' // create: not in the account; Keap will give it a new id
  | 'marker-field-missing' // create: the custom field that marks restored records
  | 'identical' // skip: live has it as the snapshot does
  | 'restored-earlier' // skip: an earlier restore created it (ledger / marker)
  | 'present-differs' // skip: live has it with other values and updates were not asked for
  | 'differs' // update: live has it with other values
  | 'relink' // update: live points at a record that is gone and this plan restores: point it at the restored one
  | 'matched-by-key' // skip/update: the same record under another id (email, sku, name)
  | 'likely-duplicate' // conflict: live has a record that looks like this one
  | 'parent-missing' // blocked: depends on a record neither live nor being created
  | 'parent-blocked' // blocked: depends on a step that cannot run
  | 'cannot-create' // blocked: Keap's API cannot create this kind of record (campaigns)
  | 'past-start-date' // blocked: Keap refuses subscriptions starting in the past
  | 'not-restorable' // skip: derived data Keap makes itself (transactions)
  | 'would-overpay' // conflict: the live order's balance is smaller than the payment
  | 'linked-by-choice' // skip: the user said the live record a conflict named is this one
  | 'created-by-choice'; // create: the user said the look-alike live record is a different one

/** Entities a plan can act on, in the order their steps run. */
export const RESTORE_ORDER = [
  'custom_fields',
  'tags',
  'companies',
  'contacts',
  'products',
  'subscription_plans',
  'orders',
  'payments',
  'contact_tags',
  'subscriptions',
  'campaigns',
] as const;
export type RestoreEntity = (typeof RESTORE_ORDER)[number];

/** A reference in a step's payload to another record, rewritten from the id map at apply time. */
export interface IdReference {
  /** Where in the payload the id goes, e.g. `contact_id`, `order_items[0].product_id`, `company.id`. */
  path: string;
  entity: RestoreEntity;
  /** The id in the snapshot. */
  oldId: string;
}

export interface FieldChangeView {
  path: string;
  before: unknown;
  after: unknown;
}

export interface PlanStep {
  /** `entity:oldId` (unique in a plan). */
  id: string;
  entity: RestoreEntity;
  action: PlanAction;
  reason: ReasonCode;
  /** One line a person reads in the preview. */
  detail: string;
  /** The record's id in the snapshot. */
  oldId: string;
  /** The live record it matched (skip, update, conflict). */
  liveId?: string;
  /** A name to show: contact name, order title… (data: escape when rendering). */
  label?: string;
  /** Steps that must succeed first. */
  dependsOn: string[];
  /** Request body (create/update) written with snapshot ids; `refs` are rewritten before sending. */
  payload?: Record<string, unknown>;
  refs?: IdReference[];
  /** For updates: before -> after per field. */
  changes?: FieldChangeView[];
  /** Added because a selected record needs it. */
  pulledIn?: boolean;
  /** Keap acts on this write (automations, receipts, commissions). */
  sideEffects?: string[];
  /** Custom-field steps: the record type the field belongs to (CONTACT, ORDER…). */
  recordType?: string;
  /** Order updates: item changes, by live item id; their refs are rewritten like the payload's. */
  itemPatches?: Array<{ liveItemId: string; body: Record<string, unknown>; refs?: IdReference[] }>;
  /**
   * Order creates: live orders the plan saw with the same contact, items and total (other dates,
   * or one the user chose to create anyway beside): apply never takes them for a re-entered copy.
   * Payment creates on a live order: its payments of the same amount and date that are other
   * snapshot payments under their own ids (counted as identical, so no step claims them).
   */
  lookAlikes?: string[];
}

export type Headline = Partial<Record<RestoreEntity, Record<PlanAction, number>>>;

export interface RestorePlan {
  formatVersion: string;
  planId: string;
  createdAt: string;
  /** The account the plan restores into, and where it was read. */
  account: string;
  apiBaseUrl: string;
  snapshot: { snapshotId: string; checksum: string; finishedAt: string; account: string; file?: string };
  /** Hash per live record the plan depends on, and one over all of them. */
  live: {
    readAt: string;
    fingerprint: string;
    records: Array<{ entity: SnapshotEntity; id: string; hash: string }>;
    /**
     * What each hash covers: `restorable-fields` (what a restore reads and writes, so payments
     * or tags this plan adds to an order or contact leave it current, whichever ledger or machine
     * applied them); absent in older plans: the whole record.
     */
    hashes?: 'restorable-fields';
    /**
     * The entities apply's stale check reads (format 2.0): those of `records` and those their
     * hashes name by reference (an order's hash says whether its contact is still there). Absent
     * in older plans: the entities of `records`.
     */
    entities?: RestoreEntity[];
    /**
     * Per entity, the newest change time Keap reported in the read the plan was made from (the
     * epoch when it had none): apply's guard asks Keap what changed since then, in Keap's own
     * clock, for the entities it does not read again.
     */
    newest?: Partial<Record<RestoreEntity, string>>;
  };
  options: PlanOptions;
  /** Custom field (label) that marks restored records, per record type. */
  markerLabel: string;
  headline: Headline;
  /**
   * Records found in the account under their own id and identical to the snapshot, counted instead
   * of listed as skip steps (format 2.0): nothing is sent for them, no step refers to them, and a
   * reference to one resolves to its own id. Present for each entity the plan covers whole (every
   * entity, or those `options.entities` names): a record of such an entity that no step lists is
   * one of these. Records a selection pulls in are still listed. The headline's skips include them.
   */
  identical?: Partial<Record<RestoreEntity, number>>;
  warnings: string[];
  steps: PlanStep[];
  /** What applying every step will cost in requests and time under the quota known at planning. */
  estimate?: ApplyEstimate;
}

/** The requests an apply of a plan makes and how long Keap's quota lets them take. */
export interface ApplyEstimate {
  requests: number;
  /** What the requests are for. */
  parts: { writes: number; paymentChecks: number; liveReads: number; guard: number; lease: number };
  /** The limits the time was computed under (per window: requests and its length in ms). */
  windows: Array<{ limit: number; windowMs: number }>;
  /** The least time those limits allow. */
  ms: number;
  /** The window that binds, when one does (`windowMs` of it). */
  bindingWindowMs?: number;
  /** One sentence for people: "about 1,240 requests: 5 min at 240 a minute". */
  summary: string;
  /**
   * The quota it was estimated under, for people: "Keap's quota for this personal access token or
   * service account key: 10 a second, 240 a minute, 30,000 a day, as Keap's headers said; 29,512
   * left today, until 00:00 UTC; 37 requests by other traffic seen on the account".
   */
  quota?: string;
}

export type MissingParentPolicy = 'skip' | 'create' | 'fail';

export interface PlanOptions {
  /** Entity types to restore (default: all restorable). */
  entities?: RestoreEntity[];
  /** Records to restore with everything they need, e.g. `orders:1234`. */
  records?: string[];
  /** Update live records whose fields differ (default off). */
  updateExisting?: boolean;
  /** What to do with a record whose parent is missing and not selected. */
  missingParent?: MissingParentPolicy;
  /** Restore subscriptions starting today (Keap refuses past start dates). */
  subscriptionsStartToday?: boolean;
  /**
   * What the user decided about conflicts, by step id: `link` (the live record the conflict names is
   * this record: map to it, create nothing) or `create` (a different record: create it anyway).
   */
  resolutions?: Record<string, ConflictResolution>;
}

export type ConflictResolution = 'link' | 'create';

/** What an apply did: counts, the id map of what it created, and the verification of restored orders. */
export interface Receipt {
  planId: string;
  startedAt: string;
  finishedAt: string;
  created: number;
  updated: number;
  skipped: number;
  /** Pending steps found done in live after a crash (not sent again). */
  reconciled: number;
  /**
   * Create steps whose record Keap already held when apply looked (restored by another plan or
   * ledger, or re-entered by hand with the same natural key): linked to it, nothing sent.
   */
  linked: Array<{ stepId: string; liveId: string; reason: string }>;
  /** Create steps not sent because a look-alike appeared in the account since the plan. */
  conflicts: Array<{ stepId: string; liveId: string; reason: string }>;
  /** Snapshot records that more than one live record claims to restore (found after the apply). */
  duplicates: Array<{ entity: RestoreEntity; oldId: string; liveIds: string[] }>;
  failed: Array<{ stepId: string; message: string }>;
  notApplied: Array<{ stepId: string; action: string; reason: string }>;
  idMap: Array<{ entity: RestoreEntity; oldId: string; newId: string }>;
  requests: number;
  verification: { checked: number; problems: string[] };
}

/** The receipt of an apply of `planId` that has done nothing yet, started `startedAt`. */
export function emptyReceipt(planId: string, startedAt: string): Receipt {
  return {
    planId,
    startedAt,
    finishedAt: '',
    created: 0,
    updated: 0,
    skipped: 0,
    reconciled: 0,
    linked: [],
    conflicts: [],
    duplicates: [],
    failed: [],
    notApplied: [],
    idMap: [],
    requests: 0,
    verification: { checked: 0, problems: [] },
  };
}

/** A plan without its steps, which a large plan reads and writes one at a time (planner.ts, planFile.ts). */
export type PlanWithoutSteps = Omit<RestorePlan, 'steps'>;
