"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_FILTER = exports.MAX_CACHED_STEPS = void 0;
exports.defaultUiState = defaultUiState;
exports.toPlanView = toPlanView;
exports.isPersistedState = isPersistedState;
exports.mergeUiState = mergeUiState;
/** Larger plans are not copied into setState on every change (10,000 steps are ~2.5 MB of JSON); the host re-sends them. */
exports.MAX_CACHED_STEPS = 2_000;
/** What the step list shows first: the steps that will run or need a person; everything else is one filter away. */
exports.DEFAULT_FILTER = { text: '', action: 'relevant', entity: 'all' };
function defaultUiState(plan, graph) {
    return {
        planId: plan.planId,
        filter: { ...exports.DEFAULT_FILTER },
        sort: { key: 'order', descending: false },
        selected: graph.defaultSelection(),
        progress: {},
        applying: false,
    };
}
/** The plan without what the view never shows (payloads, live record hashes), so saved state stays small. */
function toPlanView(plan) {
    const steps = plan.steps.map((s) => ({
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
        warnings: plan.warnings ?? [],
        estimate: plan.estimate,
        steps,
    };
}
function isPersistedState(value) {
    const v = value;
    return !!v && v.version === 1 && (v.plan === undefined || Array.isArray(v.plan.steps)) && !!v.ui && typeof v.ui.planId === 'string';
}
/**
 * The UI state for a plan the host (re)sends. The webview's own state is the newest for what the
 * user did (filter, sort, selection); the host's copy may know progress the webview missed while it
 * was hidden. Either counts only for the same plan; undefined means start afresh.
 */
function mergeUiState(planId, mine, host) {
    const own = mine?.planId === planId ? mine : undefined;
    const hosts = host?.planId === planId ? host : undefined;
    const base = own ?? hosts;
    if (!base)
        return undefined;
    return {
        ...base,
        progress: { ...own?.progress, ...hosts?.progress },
        receipt: hosts?.receipt ?? own?.receipt,
        applying: hosts ? hosts.applying : !!own?.applying,
    };
}
//# sourceMappingURL=state.js.map