/**
 * A step's request as apply sends it: the plan's payload with every snapshot id replaced by the
 * live id the id map has for it by then (a parent created earlier in the same run included).
 */
import type { ResolvedRequest } from './entities/entity';
import type { IdReference, PlanStep } from './plan';

type Json = Record<string, unknown>;

/** The step's body with snapshot ids replaced by live ones; `@name` refs become URL parameters. */
export function resolveStepRequest(step: PlanStep, liveIdFor: (ref: IdReference) => string): ResolvedRequest {
  const body = structuredClone(step.payload ?? {}) as Json;
  const params: Record<string, string> = {};
  for (const ref of step.refs ?? []) {
    const liveId = liveIdFor(ref);
    if (ref.path.startsWith('@')) params[ref.path.slice(1)] = liveId;
    else setPath(body, ref.path, liveId);
  }
  return { body, params };
}

/** Sets `value` at a path such as `order_items[2].product_id` or `company.id`. */
export function setPath(target: Json, path: string, value: string): void {
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = /^\d+$/.test(parts[i]) ? Number(parts[i]) : parts[i];
    node = (node as Record<string | number, unknown>)[key] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  (node as Record<string | number, unknown>)[/^\d+$/.test(last) ? Number(last) : last] = value;
}
