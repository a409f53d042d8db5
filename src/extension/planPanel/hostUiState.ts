/**
 * The host's copy of the preview's UI state: a fresh one for a plan, and how what a running apply
 * says changes it (so a preview reopened, or a page reloaded, shows how far the apply got).
 */
import type { PlanViewState } from '../../webview/protocol';
import { DEFAULT_FILTER } from '../../webview/state';
import type { RunMessage } from './applyRun';

export function freshUi(planId: string, selected: string[]): PlanViewState {
  return {
    planId,
    filter: { ...DEFAULT_FILTER },
    sort: { key: 'order', descending: false },
    selected,
    progress: {},
    applying: false,
  };
}

export function uiAfterRunMessage(ui: PlanViewState, message: RunMessage): PlanViewState {
  switch (message.type) {
    case 'progress':
      return {
        ...ui,
        applying: true,
        paused: undefined,
        progress: { ...ui.progress, [message.stepId]: { status: message.status, newId: message.newId, message: message.message } },
      };
    case 'paused':
      return { ...ui, applying: true, paused: { until: message.until, stepsLeft: message.stepsLeft } };
    case 'receipt':
      return { ...ui, applying: false, paused: undefined, receipt: message.receipt };
    case 'stale':
    case 'error':
      return { ...ui, applying: false, paused: undefined };
  }
}
