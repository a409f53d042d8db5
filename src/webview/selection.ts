/**
 * Which steps apply runs, and whether it may run at all. A selection is kept closed under dependsOn
 * (choosing an order chooses the contact it needs; dropping the contact drops the order) so the
 * subset posted to the host can always execute in plan order.
 */
import type { PlanStepView, PlanView, PlanViewState } from './protocol';

/**
 * The plan format majors this release reads: the core's list (planFormatProblem in core/restore/plan.ts),
 * restated because the page may not bundle core code; protocol.test checks the two agree.
 */
export const READABLE_PLAN_MAJORS: readonly string[] = ['1', '2'];

export function isActionable(step: PlanStepView): boolean {
  return step.action === 'create' || step.action === 'update';
}

export class StepGraph {
  readonly byId = new Map<string, PlanStepView>();
  /** Step id -> the steps that depend on it. */
  private readonly dependents = new Map<string, string[]>();

  constructor(readonly steps: readonly PlanStepView[]) {
    for (const step of steps) this.byId.set(step.id, step);
    for (const step of steps) {
      for (const dep of step.dependsOn) {
        const list = this.dependents.get(dep) ?? [];
        list.push(step.id);
        this.dependents.set(dep, list);
      }
    }
  }

  /** Every create/update step: what apply would run with no choice made. */
  defaultSelection(): string[] {
    return this.steps.filter(isActionable).map((s) => s.id);
  }

  /** Adds the steps and, transitively, the actionable steps they depend on. */
  select(selected: ReadonlySet<string>, ids: Iterable<string>): Set<string> {
    const out = new Set(selected);
    const stack = [...ids];
    while (stack.length) {
      const step = this.byId.get(stack.pop()!);
      if (!step || !isActionable(step) || out.has(step.id)) continue;
      out.add(step.id);
      stack.push(...step.dependsOn);
    }
    return out;
  }

  /** Removes the steps and, transitively, the steps that depend on them. */
  deselect(selected: ReadonlySet<string>, ids: Iterable<string>): Set<string> {
    const out = new Set(selected);
    const stack = [...ids];
    while (stack.length) {
      const id = stack.pop()!;
      if (!out.delete(id)) continue;
      stack.push(...(this.dependents.get(id) ?? []));
    }
    return out;
  }

  /** Drops ids that are not actionable steps of this plan (e.g. state saved for an older plan). */
  sanitize(ids: Iterable<string>): Set<string> {
    return new Set(
      [...ids].filter((id) => {
        const step = this.byId.get(id);
        return !!step && isActionable(step);
      }),
    );
  }

  /** The selection in plan order, the order apply must run it in. */
  inPlanOrder(selected: ReadonlySet<string>): string[] {
    return this.steps.filter((s) => selected.has(s.id)).map((s) => s.id);
  }
}

/** Why the plan itself cannot be applied by this version, or undefined when it is well-formed. */
export function planProblem(plan: PlanView): string | undefined {
  const version: unknown = plan.formatVersion;
  if (typeof version !== 'string' || !READABLE_PLAN_MAJORS.includes(version.split('.')[0]))
    return `This plan has format ${String(version)}; this Keap Vault reads ${READABLE_PLAN_MAJORS.map((m) => `${m}.x`).join(' and ')}. Plan again.`;
  const ids = new Set<string>();
  for (const step of plan.steps) {
    if (ids.has(step.id)) return `The plan lists step ${step.id} twice. Plan again.`;
    ids.add(step.id);
  }
  for (const step of plan.steps) {
    const missing = step.dependsOn.find((d) => !ids.has(d));
    if (missing) return `Step ${step.id} depends on ${missing}, which is not in the plan. Plan again.`;
  }
  return undefined;
}

/** Why Apply is disabled right now (shown beside the button), or undefined when it may run. */
export function applyBlocker(
  plan: PlanView,
  state: PlanViewState,
  stale: { reason: string } | undefined,
  selectedCount: number,
): string | undefined {
  const problem = planProblem(plan);
  if (problem) return problem;
  if (stale) return `The account changed since this plan was made: ${stale.reason}`;
  if (state.applying) return 'Apply is running.';
  if (state.receipt) return 'This plan has been applied.';
  if (!selectedCount) return 'Select at least one step to create or update.';
  return undefined;
}
