/**
 * The state the webview keeps across hide, reload and reopen (acquireVsCodeApi().setState), and how
 * it is reconciled with the host's copy when an `init` arrives.
 */
import type { PanelContext, PlanStepView, PlanView, PlanViewState, WebviewToHost } from './protocol';
import type { StepGraph } from './selection';

/** The part of acquireVsCodeApi() the view uses (a stub in tests). */
export interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

/**
 * What the webview keeps across hide/reload: the UI state, and the plan itself when it is small
 * enough to keep cheaply, so the panel redraws before the host answers `ready`.
 */
export interface PersistedState {
  version: 1;
  plan?: PlanView;
  stale?: { reason: string };
  ui: PlanViewState;
  context?: PanelContext;
}

/** Larger plans are not copied into setState on every change (10,000 steps are ~2.5 MB of JSON); the host re-sends them. */
export const MAX_CACHED_STEPS = 2_000;

/** What the step list shows first: the steps that will run or need a person; everything else is one filter away. */
export const DEFAULT_FILTER: PlanViewState['filter'] = { text: '', action: 'relevant', entity: 'all' };

export function defaultUiState(plan: PlanView, graph: StepGraph): PlanViewState {
  return {
    planId: plan.planId,
    filter: { ...DEFAULT_FILTER },
    sort: { key: 'order', descending: false },
    selected: graph.defaultSelection(),
    progress: {},
    applying: false,
  };
}

/** The plan without what the view never shows (payloads, live record hashes), so saved state stays small. */
export function toPlanView(plan: PlanView): PlanView {
  const steps = plan.steps.map((s): PlanStepView => ({
    id: s.id,
    entity: s.entity,
    action: s.action,
    reason: s.reason,
    detail: s.detail,
    oldId: s.oldId,
    liveId: s.liveId,
    label: s.label,
    dependsOn: s.dependsOn ?? [],
    changes: s.changes,
    pulledIn: s.pulledIn,
    sideEffects: s.sideEffects,
    recordType: s.recordType,
    facts: s.facts,
  }));
  return {
    formatVersion: plan.formatVersion,
    planId: plan.planId,
    createdAt: plan.createdAt,
    account: plan.account,
    apiBaseUrl: plan.apiBaseUrl,
    snapshot: plan.snapshot,
    live: { readAt: plan.live.readAt, fingerprint: plan.live.fingerprint },
    options: plan.options ?? {},
    markerLabel: plan.markerLabel,
    headline: plan.headline ?? {},
    identical: plan.identical,
    warnings: plan.warnings ?? [],
    estimate: plan.estimate,
    steps,
  };
}

export function isPersistedState(value: unknown): value is PersistedState {
  const v = value as Partial<PersistedState> | undefined;
  return !!v && v.version === 1 && (v.plan === undefined || Array.isArray(v.plan.steps)) && !!v.ui && typeof v.ui.planId === 'string';
}

/**
 * The UI state for a plan the host (re)sends. The webview's own state is the newest for what the
 * user did (filter, sort, selection); the host's copy may know progress the webview missed while it
 * was hidden. Either counts only for the same plan; undefined means start afresh.
 */
export function mergeUiState(planId: string, mine: PlanViewState | undefined, host: PlanViewState | undefined): PlanViewState | undefined {
  const own = mine?.planId === planId ? mine : undefined;
  const hosts = host?.planId === planId ? host : undefined;
  const base = own ?? hosts;
  if (!base) return undefined;
  return {
    ...base,
    progress: { ...own?.progress, ...hosts?.progress },
    receipt: hosts?.receipt ?? own?.receipt,
    applying: hosts ? hosts.applying : !!own?.applying,
  };
}
