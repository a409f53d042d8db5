/**
 * The typed message protocol between the restore-plan webview and its host (the extension), shared
 * by both sides. The webview posts `ready` once its listener is installed; the host buffers what it
 * has to say until then and answers with `init`.
 *
 * The plan and receipt types are the core's own (core/restore/planTypes, which has no Node
 * imports); the views below only leave out what the page never needs.
 */
import type { PlanStep, RestorePlan } from '../core/restore/planTypes';
import type { RelationGraph } from './graph/graphProtocol';

export type {
  ConflictResolution,
  FieldChangeView,
  Headline,
  PlanAction,
  ReasonCode,
  Receipt as ReceiptView,
  RestoreEntity,
  PlanOptions as PlanOptionsView,
} from '../core/restore/planTypes';
import type {
  PlanAction,
  PlanOptions,
  Receipt as ReceiptView,
  RestoreEntity,
  RESTORE_ORDER as CORE_RESTORE_ORDER,
} from '../core/restore/planTypes';

/**
 * The entities a plan acts on, in the order their steps run: the core's RESTORE_ORDER restated, because
 * the page takes only types from the core (a value import would bundle core code into it). Typed as the
 * core's own tuple, so the two cannot drift: a missing, extra or reordered entity does not compile.
 */
export const RESTORE_ORDER: typeof CORE_RESTORE_ORDER = [
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
];

export const PLAN_ACTIONS: readonly PlanAction[] = ['create', 'update', 'skip', 'conflict', 'blocked'];

/**
 * What the host found out about a step's record, to name it as people do ("Megan Wilson's order #137")
 * rather than by id. Read from the snapshot by the host (stepFacts.ts); absent when the snapshot is not
 * at hand, and the page falls back to the plan's own label.
 */
export interface StepFacts {
  /** "Megan Wilson's order #137", "Payment of $40.00 on Megan Wilson's order #137", "Megan Wilson". */
  name: string;
  /** One line of particulars: "$401.50 · Dec 6, 2023 · 3 items". */
  about?: string;
  /** A payment's order step: the table lists the payment under it. */
  parent?: string;
  /** The step's changes (same order as `changes`), as words: "items: 1 × Yoga Mat at $7.99". */
  changes?: Array<{ field: string; before: string; after: string }>;
}

/** What the preview shows of a plan step: payloads and id references stay with the host. */
export type PlanStepView = Omit<PlanStep, 'payload' | 'refs' | 'itemPatches'> & { facts?: StepFacts };

/** One side of a likely duplicate shown side by side: the same rows (label, value) for each order. */
export interface LookAlikeSide {
  /** "In the snapshot: order #3", "In the account: order #74". */
  heading: string;
  rows: Array<{ label: string; value: string }>;
}

/** Where the plan is shown: the connection's name and VS Code's display language (dates and money). */
export interface PanelContext {
  connection: string;
  locale: string;
}

/** The plan without payloads and without the hashes of the live records it depends on. */
export type PlanView = Omit<RestorePlan, 'steps' | 'live'> & {
  steps: PlanStepView[];
  live: Pick<RestorePlan['live'], 'readAt' | 'fingerprint'>;
};

/** `running` is sent before a step's request; the others mirror ApplyProgress['status']. */
export type StepStatus = 'running' | 'done' | 'skipped' | 'failed' | 'reconciled' | 'already-done' | 'linked' | 'conflict';

export interface StepProgress {
  status: StepStatus;
  newId?: string;
  message?: string;
}

export type SortKey = 'order' | 'entity' | 'action' | 'label' | 'reason' | 'status';

export interface StepFilter {
  /** Words that must all occur in the step (id, label, detail, reason…), case-insensitive. */
  text: string;
  /** `relevant`: the steps that will run or need a person (create, update, conflict, blocked); the default. */
  action: PlanAction | 'all' | 'relevant';
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
  /** The apply waits for Keap's daily quota to reset (ISO time) with this many steps left. */
  paused?: { until: string; stepsLeft: number };
  receipt?: ReceiptView;
}

/** Options a person may re-plan with to resolve blocked steps (a subset of PlanOptions). */
export type ReplanOptions = Pick<PlanOptions, 'missingParent' | 'subscriptionsStartToday' | 'updateExisting' | 'resolutions'>;

export type HostToWebview =
  /** A plan to show. `state` is the host's copy of the UI state (from the serializer), if any. */
  | { type: 'init'; plan: PlanView; stale?: { reason: string }; state?: PlanViewState; context?: PanelContext }
  /** The live account changed since the plan was made: apply is refused until the user re-plans. */
  | { type: 'stale'; reason: string }
  /** The person confirmed Apply in VS Code's modal and the apply of `total` steps started (a Cancel there says nothing). */
  | { type: 'applyStarted'; total: number }
  | { type: 'progress'; stepId: string; status: StepStatus; newId?: string; message?: string; index?: number; total?: number }
  | { type: 'receipt'; receipt: ReceiptView }
  /** The apply waits until Keap's daily quota resets; it goes on by itself (the next `progress` says so). */
  | { type: 'paused'; until: string; stepsLeft: number }
  /** A conflict's two orders side by side (the answer to `compareLookAlike`): the snapshot's first, the account's second. */
  | { type: 'lookAlike'; stepId: string; sides: [LookAlikeSide, LookAlikeSide] }
  /** An order step's relationship graph from the snapshot (the answer to `showRelations`); the page paints the plan's states on it. */
  | { type: 'relations'; stepId: string; graph: RelationGraph }
  | { type: 'error'; message: string };

export type WebviewToHost =
  | { type: 'ready' }
  /** The selected subset, closed under dependsOn, in plan order. */
  | { type: 'apply'; stepIds: string[] }
  | { type: 'cancelApply' }
  | { type: 'exportIdMap'; format: 'csv' | 'json' }
  /** After an apply: compare the plan's snapshot with the account as it is now. */
  | { type: 'compareWithLive' }
  /** A likely duplicate: show the snapshot's order beside the live one it looks like (answered with `lookAlike`). */
  | { type: 'compareLookAlike'; stepId: string }
  /** An order step: its contact, items, products, payments and subscriptions as a graph (answered with `relations`). */
  | { type: 'showRelations'; stepId: string }
  /** `snapshot`: the record as the snapshot has it; `live`: the record in the account. */
  | { type: 'openRecord'; entity: RestoreEntity; id: string; where: 'snapshot' | 'live' }
  | { type: 'replan'; options: ReplanOptions }
  | { type: 'setState'; state: PlanViewState };

export type HostMessageType = HostToWebview['type'];
const HOST_MESSAGE_TYPES: readonly HostMessageType[] = [
  'init',
  'stale',
  'applyStarted',
  'progress',
  'receipt',
  'paused',
  'lookAlike',
  'relations',
  'error',
];

/** Messages arrive as untyped data: accept only the shapes the host sends. */
export function isHostMessage(data: unknown): data is HostToWebview {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  if (!HOST_MESSAGE_TYPES.includes(type as HostMessageType)) return false;
  const m = data as Record<string, unknown>;
  switch (type as HostMessageType) {
    case 'init':
      return typeof m.plan === 'object' && m.plan !== null && Array.isArray((m.plan as { steps?: unknown }).steps);
    case 'applyStarted':
      return typeof m.total === 'number';
    case 'progress':
      return typeof m.stepId === 'string' && typeof m.status === 'string';
    case 'receipt':
      return typeof m.receipt === 'object' && m.receipt !== null;
    case 'paused':
      return typeof m.until === 'string' && typeof m.stepsLeft === 'number';
    case 'lookAlike':
      return typeof m.stepId === 'string' && Array.isArray(m.sides) && m.sides.length === 2;
    case 'relations': {
      const g = m.graph as { nodes?: unknown; edges?: unknown } | null;
      return typeof m.stepId === 'string' && typeof g === 'object' && g !== null && Array.isArray(g.nodes) && Array.isArray(g.edges);
    }
    case 'stale':
    case 'error':
      return typeof (type === 'stale' ? m.reason : m.message) === 'string';
  }
}

const RESOLUTIONS = new Set(['link', 'create']);
const MISSING_PARENT = new Set(['skip', 'create', 'fail']);

/**
 * What the host accepts from the page, checked member by member: a webview is a web page, and
 * what it posts is untrusted input to the host (which writes to Keap on `apply`).
 */
export function isWebviewMessage(data: unknown): data is WebviewToHost {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  const isString = (v: unknown) => typeof v === 'string' && v.length <= 1000;
  switch (m.type) {
    case 'ready':
    case 'cancelApply':
    case 'compareWithLive':
      return true;
    case 'apply':
      return Array.isArray(m.stepIds) && m.stepIds.length <= 1_000_000 && m.stepIds.every(isString);
    case 'exportIdMap':
      return m.format === 'csv' || m.format === 'json';
    case 'compareLookAlike':
    case 'showRelations':
      return isString(m.stepId) && /^[\w:.-]+$/.test(String(m.stepId));
    case 'openRecord':
      return (
        isString(m.entity) &&
        (RESTORE_ORDER as readonly unknown[]).includes(m.entity) &&
        isString(m.id) &&
        /^[\w:.-]+$/.test(String(m.id)) &&
        (m.where === 'snapshot' || m.where === 'live')
      );
    case 'replan': {
      const o = m.options as Record<string, unknown> | null;
      if (typeof o !== 'object' || o === null) return false;
      const known = ['missingParent', 'subscriptionsStartToday', 'updateExisting', 'resolutions'];
      if (Object.keys(o).some((k) => !known.includes(k))) return false;
      if (o.missingParent !== undefined && !MISSING_PARENT.has(String(o.missingParent))) return false;
      for (const flag of ['subscriptionsStartToday', 'updateExisting'])
        if (o[flag] !== undefined && typeof o[flag] !== 'boolean') return false;
      const r = o.resolutions as Record<string, unknown> | undefined;
      return (
        r === undefined ||
        (typeof r === 'object' && r !== null && Object.entries(r).every(([k, v]) => isString(k) && RESOLUTIONS.has(String(v))))
      );
    }
    case 'setState':
      return typeof m.state === 'object' && m.state !== null && isString((m.state as { planId?: unknown }).planId);
    default:
      return false;
  }
}
