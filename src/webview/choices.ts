/**
 * What a person can do about a step that will not run. Apply executes exactly the previewed plan, so
 * the choices are to look at the records involved, or to plan again with another option (for a
 * likely duplicate order: that it is the same order, or a different one).
 */
import { ENTITY_NOUN } from './labels';
import type { PlanOptionsView, PlanStepView, ReplanOptions, RestoreEntity } from './protocol';

export type Choice =
  | { kind: 'replan'; label: string; options: ReplanOptions }
  | { kind: 'open'; label: string; entity: RestoreEntity; id: string; where: 'snapshot' | 'live' }
  | { kind: 'show'; label: string; stepId: string }
  | { kind: 'note'; label: string };

/** `nameOf`: what a step is called on the page (the choices that show a needed step name it). */
export function choicesFor(step: PlanStepView, options: PlanOptionsView, nameOf: (stepId: string) => string = (id) => id): Choice[] {
  const noun = ENTITY_NOUN[step.entity].one;
  const openSnapshot: Choice = {
    kind: 'open',
    label: `Open the snapshot's ${noun}`,
    entity: step.entity,
    id: step.oldId,
    where: 'snapshot',
  };
  const openLive: Choice[] = step.liveId
    ? [{ kind: 'open', label: `Open ${noun} #${step.liveId} in the account`, entity: step.entity, id: step.liveId, where: 'live' }]
    : [];
  const needs: Choice[] = step.dependsOn.map((id) => ({ kind: 'show', label: `Show ${nameOf(id)}`, stepId: id }));
  switch (step.reason) {
    case 'likely-duplicate':
      return [
        ...openLive,
        openSnapshot,
        {
          kind: 'replan',
          label: step.liveId ? `Same order: link to #${step.liveId}` : 'Same order: link to it',
          options: { resolutions: { ...options.resolutions, [step.id]: 'link' } },
        },
        {
          kind: 'replan',
          label: 'Different order: create it anyway',
          options: { resolutions: { ...options.resolutions, [step.id]: 'create' } },
        },
      ];
    case 'would-overpay':
      return [...openLive, { kind: 'note', label: "Apply leaves it out: check the order's payments in Keap." }];
    case 'parent-missing':
      return options.missingParent === 'create'
        ? [
            openSnapshot,
            ...needs,
            {
              kind: 'note',
              label:
                'The record it needs is in neither the snapshot nor the account: restore it from an older snapshot, or leave this out.',
            },
          ]
        : [{ kind: 'replan', label: 'Plan again, creating missing parents', options: { missingParent: 'create' } }, ...needs];
    case 'parent-blocked':
      return [...needs, { kind: 'note', label: 'Resolve the step it needs first (named in the detail).' }];
    case 'past-start-date':
      return options.subscriptionsStartToday
        ? [openSnapshot]
        : [
            {
              kind: 'replan',
              // What "start today" means for billing, said where the choice is made.
              label: 'Plan again, starting it today (its next charge is counted from today; earlier charges stay in its orders)',
              options: { subscriptionsStartToday: true },
            },
          ];
    case 'cannot-create':
      return [openSnapshot, { kind: 'note', label: "Keap's API cannot create it: rebuild it in Keap." }];
    case 'present-differs':
      return options.updateExisting
        ? []
        : [{ kind: 'replan', label: 'Plan again, updating existing records', options: { updateExisting: true } }];
    default:
      return [];
  }
}
