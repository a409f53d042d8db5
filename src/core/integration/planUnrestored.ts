/**
 * Records an applied plan meant to re-create and that no restore has re-created: gone from Keap and
 * still gone (the user left them out of the apply, Keap refused them, or they were blocked). Integration
 * code that holds their ids has nothing to move to, which is worth a warning of its own.
 */
import type { RestorePlan } from '../restore/planTypes';
import type { UnrestoredEntry } from './idMap';

export function unrestoredInPlan(plan: RestorePlan, restored: (entity: string, oldId: string) => boolean, at: string): UnrestoredEntry[] {
  return plan.steps
    .filter((s) => (s.action === 'create' || s.action === 'blocked') && s.entity !== 'contact_tags' && !restored(s.entity, s.oldId))
    .map((s) => ({ entity: s.entity, oldId: s.oldId, planId: plan.planId, at }));
}
