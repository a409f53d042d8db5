/** The apply progress bar and its one-line summary; nothing before an apply has started. */
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import { h } from './dom';
import { timeOnly } from './format';
import type { PlanViewState } from './protocol';

/** `total`: the steps the host said the apply runs, else the size of the selection. */
export function progressContent(ui: PlanViewState | undefined, total: number): Node[] {
  const entries = ui ? Object.values(ui.progress) : [];
  if (!ui || (!ui.applying && !entries.length)) return [];
  const finished = entries.filter((p) => p.status !== 'running').length;
  const failed = entries.filter((p) => p.status === 'failed').length;
  const shownTotal = Math.max(total, finished);
  const bar = h('vscode-progress-bar', { attrs: { 'aria-label': 'Apply progress' } });
  bar.max = shownTotal || 1;
  bar.value = ui.receipt ? bar.max : finished;
  const state = ui.applying ? 'Applying' : ui.receipt ? 'Finished' : 'Stopped';
  const paused = ui.applying && ui.paused ? ` — ${pausedText(ui.paused)}` : '';
  return [
    bar,
    h(
      'div',
      { className: 'progress-text' },
      `${state}: ${finished.toLocaleString('en-US')} of ${shownTotal.toLocaleString('en-US')} ${shownTotal === 1 ? 'step' : 'steps'}${failed ? `, ${failed} failed` : ''}${paused}`,
    ),
  ];
}

/** "paused until 12:00 AM for Keap's daily quota, 73,412 steps left; it goes on by itself" (local time). */
function pausedText(pause: { until: string; stepsLeft: number }): string {
  const time = timeOnly(pause.until);
  return `paused until ${time} for Keap's daily quota, ${pause.stepsLeft.toLocaleString('en-US')} step${pause.stepsLeft === 1 ? '' : 's'} left; it goes on by itself`;
}
