/**
 * The bar with Apply (VS Code's own modal asks before anything is written), Cancel while applying,
 * what is selected in words, and why Apply may not run.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { h, type Child } from './dom';
import type { PlanStepView } from './protocol';
import { countsText, stepCounts } from './sentences';

export interface ActionsBarState {
  /** Why Apply may not run now; undefined when it may. */
  blocker: string | undefined;
  selected: PlanStepView[];
  applying: boolean;
}

export interface ActionsBarActions {
  apply(): void;
  cancel(): void;
}

/** "create 7 orders and 14 payments; update 3 contacts", or "nothing selected". */
export function selectionText(selected: PlanStepView[]): string {
  const creates = countsText(stepCounts(selected, 'create'));
  const updates = countsText(stepCounts(selected, 'update'));
  return [creates && `create ${creates}`, updates && `update ${updates}`].filter(Boolean).join('; ') || 'nothing';
}

export function actionsBarContent(state: ActionsBarState, actions: ActionsBarActions): Child[] {
  const { blocker } = state;
  const what = selectionText(state.selected);
  const apply = h('vscode-button', { className: 'apply', attrs: { icon: 'play', title: blocker ?? `Apply: ${what}` } }, 'Apply…');
  apply.disabled = !!blocker;
  apply.addEventListener('click', () => {
    if (!apply.disabled) actions.apply();
  });
  return [
    apply,
    state.applying
      ? h(
          'vscode-button',
          { className: 'cancel', attrs: { secondary: true, icon: 'debug-stop' }, on: { click: () => actions.cancel() } },
          'Cancel',
        )
      : null,
    h('span', { className: 'selection-summary' }, `Selected: ${what}.`),
    blocker ? h('span', { className: 'apply-blocker' }, blocker) : null,
  ];
}
