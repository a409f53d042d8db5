/** What a step's record is called on the page: the host's name for it, else the plan's label, else its kind and id. */
import { capitalize, ENTITY_NOUN } from './labels';
import type { PlanStepView } from './protocol';

export function stepName(step: PlanStepView): string {
  return step.facts?.name ?? step.label ?? `${capitalize(ENTITY_NOUN[step.entity].one)} #${step.oldId}`;
}

/** "order #137 in the snapshot": the kind of record and its id, the line under its name. */
export function stepKindAndId(step: PlanStepView): string {
  if (step.entity === 'custom_fields' && step.recordType) return 'custom field';
  return `${ENTITY_NOUN[step.entity].one} #${step.oldId} in the snapshot`;
}
