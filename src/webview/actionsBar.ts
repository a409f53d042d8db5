/**
 * The bar of plan actions (Apply…, Cancel while applying, the id-map exports, what is selected and
 * why Apply may not run).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { h, type Child } from './dom';

export interface ActionsBarState {
  /** Why Apply may not run now; undefined when it may. */
  blocker: string | undefined;
  creates: number;
  updates: number;
  applying: boolean;
}

export interface ActionsBarActions {
  apply(): void;
  cancel(): void;
  exportIdMap(format: 'csv' | 'json'): void;
}

export function actionsBarContent(state: ActionsBarState, actions: ActionsBarActions): Child[] {
  const { blocker, creates, updates } = state;
  const apply = h(
    'vscode-button',
    { className: 'apply', attrs: { icon: 'play', title: blocker ?? `Apply ${creates} create(s) and ${updates} update(s)` } },
    'Apply…',
  );
  apply.disabled = !!blocker;
  apply.addEventListener('click', () => {
    if (!apply.disabled) actions.apply();
  });
  const exportButton = (format: 'csv' | 'json') =>
    h(
      'vscode-button',
      {
        className: `export-${format}`,
        attrs: { secondary: true, icon: 'export' },
        on: { click: () => actions.exportIdMap(format) },
      },
      `Export id map (${format.toUpperCase()})`,
    );
  return [
    apply,
    state.applying
      ? h(
          'vscode-button',
          {
            className: 'cancel',
            attrs: { secondary: true, icon: 'debug-stop' },
            on: { click: () => actions.cancel() },
          },
          'Cancel',
        )
      : null,
    h('span', { className: 'selection-summary' }, `${creates} create(s), ${updates} update(s) selected`),
    blocker ? h('span', { className: 'apply-blocker' }, blocker) : null,
    h('span', { className: 'spacer' }),
    exportButton('csv'),
    exportButton('json'),
  ];
}
