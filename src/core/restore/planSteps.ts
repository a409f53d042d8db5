/**
 * The steps of a plan being made. A step is final once made (its module made it whole), so its
 * text goes to a spool on disk at once (collections/lineSpool.ts), per entity, and only what
 * planning asks of it later stays in memory: its action, whether it was pulled in, and the detail
 * of a step that stops others (blocked, conflict). What the planner's last passes need of all
 * steps is gathered as they come: the records create and update steps point at, the side effects
 * named, the fields Keap Vault cannot write. A 10% loss of a million-contact account is 353k
 * steps, 0.69 GiB as objects; kept this way, planning's whole heap at its end is 0.40 GiB, the
 * live index included (bench/scale planTenth).
 */
import { LineSpool } from '../collections/lineSpool';
import { workingFolder } from '../fs/stateDir';
import { RESTORE_ORDER, type PlanStep, type RestoreEntity } from './plan';

/** What planning reads of a step once it is made. */
export interface StepFacts {
  readonly id: string;
  readonly entity: RestoreEntity;
  readonly oldId: string;
  readonly action: PlanStep['action'];
  readonly pulledIn?: boolean;
  /** Kept for steps that stop the records that need them (blocked, conflict), which say why. */
  readonly detail?: string;
  /** Its record's unwritable fields were noted (noteUnwritable). */
  fieldsNoted?: boolean;
}

/** A reference of a written step to a record it needs. */
export interface ParentRef {
  entity: RestoreEntity;
  oldId: string;
}

export class PlanSteps {
  private readonly facts = new Map<string, StepFacts>();
  private readonly byEntity = new Map<RestoreEntity, StepFacts[]>(RESTORE_ORDER.map((e) => [e, []]));
  private readonly spool: LineSpool<RestoreEntity>;
  /** Per entity of the writing step: the entities and ids it points at, alternately (planner's dependOnReferencedLive). */
  private readonly parents = new Map<RestoreEntity, string[]>(RESTORE_ORDER.map((e) => [e, []]));
  private readonly effects = new Map<RestoreEntity, Set<string>>(RESTORE_ORDER.map((e) => [e, new Set()]));
  private readonly unwritable = new Map<RestoreEntity, Set<string>>(RESTORE_ORDER.map((e) => [e, new Set()]));

  constructor() {
    // On disk, beside a live read's working files: the system's temporary folder may be memory.
    this.spool = new LineSpool(workingFolder());
  }

  get(id: string): StepFacts | undefined {
    return this.facts.get(id);
  }

  /**
   * Keeps a step made whole. `parentRefs`: what it points at that must exist when it runs (for
   * creates and updates).
   */
  add(step: PlanStep, parentRefs: readonly ParentRef[]): void {
    const list = this.byEntity.get(step.entity);
    // invariant: every step is of a RestoreEntity, which RESTORE_ORDER lists.
    if (!list) throw new Error(`A step of ${step.entity}, which has no place in the restore order`);
    // invariant: a record is resolved once (PlanContext.resolve), so it never gets a second step.
    if (this.facts.has(step.id)) throw new Error(`A second step for ${step.id}`);
    const stops = step.action === 'blocked' || step.action === 'conflict';
    const facts: StepFacts = {
      id: step.id,
      entity: step.entity,
      oldId: step.oldId,
      action: step.action,
      ...(step.pulledIn ? { pulledIn: true } : {}),
      ...(stops ? { detail: step.detail } : {}),
    };
    this.facts.set(step.id, facts);
    list.push(facts);
    this.spool.append(step.entity, JSON.stringify(step));
    const parents = this.parents.get(step.entity)!;
    for (const ref of parentRefs) parents.push(ref.entity, ref.oldId);
    for (const effect of step.sideEffects ?? []) this.effects.get(step.entity)!.add(effect);
  }

  /** The fields of a create's record that Keap Vault cannot write (said once per entity in the plan's warnings). */
  noteUnwritable(id: string, fields: readonly string[]): void {
    const facts = this.facts.get(id);
    if (!facts) return;
    facts.fieldsNoted = true;
    for (const field of fields) this.unwritable.get(facts.entity)!.add(field);
  }

  unwritableOf(entity: RestoreEntity): ReadonlySet<string> {
    return this.unwritable.get(entity)!;
  }

  /** Every step's facts in the plan's order: by entity (RESTORE_ORDER), then as made. */
  *inOrder(): Generator<StepFacts> {
    for (const list of this.byEntity.values()) yield* list;
  }

  /** What create and update steps point at, in the plan's order. */
  *parentRefs(): Generator<ParentRef> {
    for (const refs of this.parents.values())
      for (let i = 0; i < refs.length; i += 2) yield { entity: refs[i] as RestoreEntity, oldId: refs[i + 1] };
  }

  /** The side effects steps name, in the plan's order (once per entity; the plan's warnings are a set). */
  *sideEffects(): Generator<string> {
    for (const effects of this.effects.values()) yield* effects;
  }

  /** The steps' JSON texts, a line each, in the plan's order. */
  *lines(): Generator<string> {
    for (const entity of RESTORE_ORDER) yield* this.spool.lines(entity);
  }

  /** The steps, parsed one at a time, in the plan's order. */
  *steps(): Generator<PlanStep> {
    for (const line of this.lines()) yield JSON.parse(line) as PlanStep;
  }

  /** The planner's passes are done: what only they read is given back; the steps' texts stay. */
  finish(): void {
    this.facts.clear();
    for (const entity of RESTORE_ORDER) {
      this.byEntity.set(entity, []);
      this.parents.set(entity, []);
    }
  }

  close(): void {
    this.spool.close();
  }
}
