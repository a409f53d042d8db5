/** The side effects in Keap of the selected writes (automations, receipts, commissions), shown below the actions bar. */
import { codicon, h, type Child } from './dom';
import type { PlanStepView } from './protocol';

/** What Keap will do on its own because of the selected writes, grouped by effect; nothing when none. */
export function sideEffectsContent(selected: PlanStepView[]): Child[] {
  const counts = new Map<string, number>();
  for (const step of selected) for (const effect of step.sideEffects ?? []) counts.set(effect, (counts.get(effect) ?? 0) + 1);
  if (!counts.size) return [];
  return [
    h('h2', {}, codicon('warning'), ' Side effects in Keap'),
    h('ul', {}, ...[...counts].map(([effect, n]) => h('li', {}, h('strong', {}, `${n} step(s): `), effect))),
  ];
}
