/** The modal that asks before Apply writes to the account. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { codicon, fill, h } from './dom';

/** Fills the confirmation dialog; returns its Apply button (focused when the dialog opens). */
export function fillConfirmDialog(
  dialog: HTMLDialogElement,
  account: string,
  counts: { creates: number; updates: number; sideEffects: number },
  onConfirm: () => void,
): HTMLElement {
  const confirm = h('vscode-button', { className: 'confirm-apply', attrs: { icon: 'play' }, on: { click: onConfirm } }, 'Apply');
  const cancel = h(
    'vscode-button',
    { className: 'confirm-cancel', attrs: { secondary: true }, on: { click: () => dialog.close() } },
    'Cancel',
  );
  fill(
    dialog,
    h('h2', { attrs: { id: 'confirm-title' } }, 'Apply this plan?'),
    h('p', { className: 'confirm-counts' }, `${counts.creates} create(s) and ${counts.updates} update(s) will be written to ${account}.`),
    counts.sideEffects
      ? h(
          'p',
          { className: 'confirm-side-effects' },
          codicon('warning'),
          ` ${counts.sideEffects} of these steps make Keap act (automations, receipts, commissions).`,
        )
      : null,
    h('p', { className: 'muted' }, 'Apply re-reads the account first and stops if it changed since the plan was made.'),
    h('div', { className: 'dialog-buttons' }, confirm, cancel),
  );
  return confirm;
}
