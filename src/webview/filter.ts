/** Filtering and sorting of plan steps: pure functions, so they behave the same in tests as in the panel. */
import { RESTORE_ORDER, type PlanStepView, type SortKey, type StepFilter, type StepProgress } from './protocol';

export interface IndexedStep {
  step: PlanStepView;
  /** Position in the plan (the order apply runs it), the default sort and every tie-breaker. */
  index: number;
}

/** Everything a person might type to find a step, lower-cased once per filter pass. */
function haystack(step: PlanStepView, progress: StepProgress | undefined): string {
  return [
    step.id,
    step.entity,
    step.action,
    step.reason,
    step.label ?? '',
    step.facts?.name ?? '',
    step.facts?.about ?? '',
    step.detail,
    step.oldId,
    step.liveId ?? '',
    progress?.newId ?? '',
    ...step.dependsOn,
    ...(step.sideEffects ?? []),
    ...(step.changes ?? []).map((c) => c.path),
  ]
    .join('\n')
    .toLowerCase();
}

export function filterSteps(steps: readonly IndexedStep[], filter: StepFilter, progress: Record<string, StepProgress>): IndexedStep[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return steps.filter(({ step }) => {
    if (filter.action === 'relevant') {
      if (step.action === 'skip') return false;
    } else if (filter.action !== 'all' && step.action !== filter.action) return false;
    if (filter.entity !== 'all' && step.entity !== filter.entity) return false;
    if (!words.length) return true;
    const text = haystack(step, progress[step.id]);
    return words.every((w) => text.includes(w));
  });
}

// Actions that need a person first, then what will change, then what will not.
const ACTION_RANK: Record<PlanStepView['action'], number> = { conflict: 0, blocked: 1, create: 2, update: 3, skip: 4 };
const STATUS_RANK: Record<StepProgress['status'] | 'none', number> = {
  failed: 0,
  conflict: 0,
  running: 1,
  done: 2,
  linked: 3,
  reconciled: 3,
  'already-done': 4,
  skipped: 5,
  none: 6,
};
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortSteps(
  steps: readonly IndexedStep[],
  key: SortKey,
  descending: boolean,
  progress: Record<string, StepProgress>,
): IndexedStep[] {
  const compare = comparator(key, progress);
  const sign = descending ? -1 : 1;
  return [...steps].sort((a, b) => sign * compare(a, b) || a.index - b.index);
}

function comparator(key: SortKey, progress: Record<string, StepProgress>): (a: IndexedStep, b: IndexedStep) => number {
  switch (key) {
    case 'order':
      return (a, b) => a.index - b.index;
    case 'entity':
      return (a, b) => RESTORE_ORDER.indexOf(a.step.entity) - RESTORE_ORDER.indexOf(b.step.entity);
    case 'action':
      return (a, b) => ACTION_RANK[a.step.action] - ACTION_RANK[b.step.action];
    case 'label':
      return (a, b) => collator.compare(a.step.facts?.name ?? a.step.label ?? a.step.id, b.step.facts?.name ?? b.step.label ?? b.step.id);
    case 'reason':
      return (a, b) => collator.compare(a.step.reason, b.step.reason);
    case 'status':
      return (a, b) => STATUS_RANK[progress[a.step.id]?.status ?? 'none'] - STATUS_RANK[progress[b.step.id]?.status ?? 'none'];
  }
}
