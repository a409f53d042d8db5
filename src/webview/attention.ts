/**
 * What the plan says needs a look before applying: its warnings (those not already shown as a
 * step's side effect), the steps that will not run (conflicts, blocked) and the records that differ
 * but will not be changed. Nothing when there is nothing to say.
 */
import { codicon, h, type Child } from './dom';
import type { PlanAction, PlanView } from './protocol';
import type { ShowSteps } from './summary';

export function attentionSections(plan: PlanView, show: ShowSteps): Child[] {
  const conflicts = plan.steps.filter((s) => s.action === 'conflict').length;
  // "Skip" counts both unchanged records and records that differ but are not updated: say the latter apart.
  const differing = plan.steps.filter((s) => s.action === 'skip' && s.changes?.length).length;
  const blocked = plan.steps.filter((s) => s.action === 'blocked').length;
  const sideEffectTexts = new Set(plan.steps.flatMap((s) => s.sideEffects ?? []));
  const warnings = plan.warnings.filter((w) => !sideEffectTexts.has(w));
  const filterLink = (label: string, action: PlanAction): HTMLButtonElement =>
    h('button', { className: 'link', attrs: { type: 'button' }, on: { click: () => show('all', action) } }, label);

  return [
    warnings.length
      ? h(
          'section',
          { className: 'warnings' },
          h('h2', {}, codicon('warning'), ' Warnings'),
          h('ul', {}, ...warnings.map((w) => h('li', {}, w))),
        )
      : null,
    conflicts + blocked
      ? h(
          'section',
          { className: 'attention' },
          codicon('report'),
          ` ${conflicts} conflict(s) and ${blocked} blocked step(s) will not run; each row lists its reason and the choices. `,
          conflicts ? filterLink(`Show conflicts`, 'conflict') : null,
          conflicts && blocked ? ' ' : null,
          blocked ? filterLink('Show blocked', 'blocked') : null,
        )
      : null,
    differing
      ? h(
          'section',
          { className: 'attention differs' },
          codicon('diff'),
          ` ${differing} record(s) in the account differ from the snapshot and will not be changed (their "skip" rows list what differs). `,
          plan.options.updateExisting
            ? "Keap's API cannot change those fields."
            : 'To overwrite them with the snapshot, plan again with "update existing records".',
        )
      : null,
  ];
}
