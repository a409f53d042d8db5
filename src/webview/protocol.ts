/**
 * The typed message protocol between the restore-plan webview and its host (the extension), shared
 * by both sides. The webview posts `ready` once its listener is installed; the host buffers what it
 * has to say until then and answers with `init`.
 *
 * The plan types are mirrored here rather than imported from core/restore/plan: that module imports
 * node:crypto, which the webview's tsconfig (DOM, no Node types) cannot resolve. A compile-time test
 * (test/webview/protocolTypes.test.ts) keeps the mirror assignable from the core types, so a change
 * there that the webview does not know about fails the build instead of the preview.
 */

export type PlanAction = 'create' | 'update' | 'skip' | 'conflict' | 'blocked';
export const PLAN_ACTIONS: readonly PlanAction[] = ['create', 'update', 'skip', 'conflict', 'blocked'];

export type ReasonCode =
  | 'missing-in-live'
  | 'marker-field-missing'
  | 'identical'
  | 'restored-earlier'
  | 'present-differs'
  | 'differs'
  | 'matched-by-key'
  | 'likely-duplicate'
  | 'parent-missing'
  | 'parent-blocked'
  | 'cannot-create'
  | 'past-start-date'
  | 'not-restorable'
  | 'would-overpay'
  | 'linked-by-choice'
  | 'created-by-choice';

/** Entities in the order their steps run (mirrors RESTORE_ORDER). */
export const RESTORE_ORDER = [
  'custom_fields', 'tags', 'companies', 'contacts', 'products', 'subscription_plans', 'orders', 'payments', 'contact_tags', 'subscriptions', 'campaigns',
] as const;
export type RestoreEntity = (typeof RESTORE_ORDER)[number];

export interface FieldChangeView {
  path: string;
  before: unknown;
  after: unknown;
}

/** What the preview shows of a plan step; payloads are not needed (the host may strip them). */
export interface PlanStepView {
  id: string;
  entity: RestoreEntity;
  action: PlanAction;
  reason: ReasonCode;
  detail: string;
  oldId: string;
  liveId?: string;
  label?: string;
  dependsOn: string[];
  changes?: FieldChangeView[];
  pulledIn?: boolean;
  sideEffects?: string[];
  recordType?: string;
}

export type Headline = Partial<Record<RestoreEntity, Record<PlanAction, number>>>;

export interface PlanOptionsView {
  entities?: RestoreEntity[];
  records?: string[];
  updateExisting?: boolean;
  missingParent?: 'skip' | 'create' | 'fail';
  subscriptionsStartToday?: boolean;
  resolutions?: Record<string, 'link' | 'create'>;
}

export interface PlanView {
  formatVersion: string;
  planId: string;
  createdAt: string;
  account: string;
  apiBaseUrl: string;
  snapshot: { snapshotId: string; checksum: string; finishedAt: string; account: string; file?: string };
  live: { readAt: string; fingerprint: string };
  options: PlanOptionsView;
  markerLabel: string;
  headline: Headline;
  warnings: string[];
  steps: PlanStepView[];
}

/** Mirrors core/restore/applier Receipt. */
export interface ReceiptView {
  planId: string;
  startedAt: string;
  finishedAt: string;
  created: number;
  updated: number;
  skipped: number;
  reconciled: number;
  failed: Array<{ stepId: string; message: string }>;
  notApplied: Array<{ stepId: string; action: string; reason: string }>;
  idMap: Array<{ entity: RestoreEntity; oldId: string; newId: string }>;
  requests: number;
  verification: { checked: number; problems: string[] };
}

/** `running` is sent before a step's request; the others mirror ApplyProgress['status']. */
export type StepStatus = 'running' | 'done' | 'skipped' | 'failed' | 'reconciled' | 'already-done';

export interface StepProgress {
  status: StepStatus;
  newId?: string;
  message?: string;
}

export type SortKey = 'order' | 'entity' | 'action' | 'label' | 'reason' | 'status';

export interface StepFilter {
  /** Words that must all occur in the step (id, label, detail, reason…), case-insensitive. */
  text: string;
  action: PlanAction | 'all';
  entity: RestoreEntity | 'all';
}

/** The webview's state for one plan: persisted with setState and mirrored to the host. */
export interface PlanViewState {
  planId: string;
  filter: StepFilter;
  sort: { key: SortKey; descending: boolean };
  /** Create/update steps chosen for apply; always closed under dependsOn. */
  selected: string[];
  /** Per step id, what apply reported so far. */
  progress: Record<string, StepProgress>;
  applying: boolean;
  receipt?: ReceiptView;
}

/** Options a person may re-plan with to resolve blocked steps (a subset of PlanOptions). */
export type ReplanOptions = Pick<PlanOptionsView, 'missingParent' | 'subscriptionsStartToday' | 'updateExisting' | 'resolutions'>;

export type HostToWebview =
  /** A plan to show. `state` is the host's copy of the UI state (from the serializer), if any. */
  | { type: 'init'; plan: PlanView; stale?: { reason: string }; state?: PlanViewState }
  /** The live account changed since the plan was made: apply is refused until the user re-plans. */
  | { type: 'stale'; reason: string }
  | { type: 'progress'; stepId: string; status: StepStatus; newId?: string; message?: string; index?: number; total?: number }
  | { type: 'receipt'; receipt: ReceiptView }
  | { type: 'error'; message: string };

export type WebviewToHost =
  | { type: 'ready' }
  /** The selected subset, closed under dependsOn, in plan order. */
  | { type: 'apply'; stepIds: string[] }
  | { type: 'cancelApply' }
  | { type: 'exportIdMap'; format: 'csv' | 'json' }
  /** `snapshot`: the record as the snapshot has it; `live`: the record in the account. */
  | { type: 'openRecord'; entity: RestoreEntity; id: string; where: 'snapshot' | 'live' }
  | { type: 'replan'; options: ReplanOptions }
  | { type: 'setState'; state: PlanViewState };

export type HostMessageType = HostToWebview['type'];
const HOST_MESSAGE_TYPES: readonly HostMessageType[] = ['init', 'stale', 'progress', 'receipt', 'error'];

/** Messages arrive as untyped data: accept only the shapes the host sends. */
export function isHostMessage(data: unknown): data is HostToWebview {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  if (!HOST_MESSAGE_TYPES.includes(type as HostMessageType)) return false;
  const m = data as Record<string, unknown>;
  switch (type as HostMessageType) {
    case 'init':
      return typeof m.plan === 'object' && m.plan !== null && Array.isArray((m.plan as { steps?: unknown }).steps);
    case 'progress':
      return typeof m.stepId === 'string' && typeof m.status === 'string';
    case 'receipt':
      return typeof m.receipt === 'object' && m.receipt !== null;
    case 'stale':
    case 'error':
      return typeof (type === 'stale' ? m.reason : m.message) === 'string';
  }
}
