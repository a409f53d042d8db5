/** The alerts above the plan: a plan this page cannot apply, a stale plan (with "Plan again"), an error. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { codicon, h, type Child } from './dom';
import type { PlanView } from './protocol';
import { planProblem } from './selection';

export interface BannerActions {
  replan(): void;
  dismissError(): void;
}

export function bannersContent(
  plan: PlanView | undefined,
  stale: { reason: string } | undefined,
  error: string | undefined,
  actions: BannerActions,
): Child[] {
  const banners: Child[] = [];
  const problem = plan && planProblem(plan);
  if (problem) banners.push(h('div', { className: 'banner error', attrs: { role: 'alert' } }, codicon('error'), ` ${problem}`));
  if (stale) {
    banners.push(
      h(
        'div',
        { className: 'banner stale', attrs: { role: 'alert' } },
        codicon('warning'),
        ' This plan is stale: ',
        stale.reason,
        ' ',
        h('vscode-button', { attrs: { secondary: true, icon: 'refresh' }, on: { click: () => actions.replan() } }, 'Plan again'),
      ),
    );
  }
  if (error) {
    banners.push(
      h(
        'div',
        { className: 'banner error', attrs: { role: 'alert' } },
        codicon('error'),
        ' ',
        error,
        ' ',
        h(
          'button',
          { className: 'link', attrs: { type: 'button', title: 'Dismiss' }, on: { click: () => actions.dismissError() } },
          'Dismiss',
        ),
      ),
    );
  }
  return banners;
}

/** The page could not be drawn at all: one alert in place of it. */
export function failureBanner(message: string): HTMLElement {
  return h('div', { className: 'banner error', attrs: { role: 'alert' } }, codicon('error'), ` ${message}`);
}
