/**
 * What a restorable Keap entity states about itself: how its snapshot records are planned, how
 * apply creates or updates one, how it is found again after a crash (or a lost answer), and what
 * verification checks beyond the field catalogue. The shared machinery (planContext.ts,
 * applier.ts, applyVerification.ts) calls these through the registry in index.ts; a member left
 * out means the shared default (or, for writing, that the entity cannot be written).
 */
import type { KeapClient } from '../../keap/client';
import type { KeapOrderPayment } from '../../model';
import type { SnapshotDb } from '../../snapshot/snapshotDb';
import type { EntityFields } from '../fieldRules';
import type { PlanStep, RestoreEntity, RestorePlan } from '../plan';
import type { Json, PlanContext, Resolution } from '../planContext';

/** A step's body with snapshot ids replaced by live ones; `@name` references as URL parameters. */
export interface ResolvedRequest {
  body: Json;
  params: Record<string, string>;
}

/** What a step's write came to: the live id, and whether a request was actually sent. */
export interface WriteResult {
  id: string | undefined;
  sent: boolean;
}

/** What an entity's apply code may use of the running apply. */
export interface ApplyContext {
  readonly client: KeapClient;
  /** What the step may already have made in live (the entity's `find`); undefined: proven absent. */
  find(step: PlanStep): Promise<string | undefined>;
  /** The live record carrying the step's restore marker, where Keap can filter by the marker field. */
  byMarker(recordType: string, step: PlanStep, list: (filter: string) => AsyncIterable<{ id: string }>): Promise<string | undefined>;
  /** The live id a reference of the step stands for by now; throws when it has none yet. */
  requireLiveId(step: PlanStep, ref: { entity: RestoreEntity; oldId: string }): string;
  /** Remembers the field name of a record type's restore marker field (to filter by it). */
  noteMarkerFieldName(recordType: string, fieldName: string): void;
  /**
   * The payments of a live order, to prove a payment is not there before it is sent. Orders this
   * apply created are read in batches and their view trusted for the guard's look interval; any
   * other order is read every time (orderPayments.ts).
   */
  paymentsBeforeCreate(liveOrderId: string): Promise<KeapOrderPayment[]>;
  /** A payment this apply recorded on a live order (so the order's known payments include it). */
  notePaymentRecorded(liveOrderId: string, payment: KeapOrderPayment): void;
  /** Whether another step of the plan already stands for this live record (two snapshot records are never one live record). */
  isClaimed(entity: RestoreEntity, liveId: string, exceptStepId: string): boolean;
}

/** What an entity's verification may use: the plan, the steps that failed, and where problems go. */
export interface VerifyContext {
  readonly plan: RestorePlan;
  readonly failedSteps: ReadonlySet<string>;
  problem(message: string): void;
}

/** A Keap resource that takes a PATCH of some fields. */
export interface Updatable {
  update(id: string, body: never): Promise<unknown>;
}

export interface RestorableEntity {
  readonly entity: RestoreEntity;
  /** The entity's part of the field catalogue (fields.ts): what a restore writes, compares and verifies. */
  readonly fields?: EntityFields;

  // ---- planning
  /** Plans every selected snapshot record of the entity. Default: each distinct id, in snapshot order. */
  planAll?(ctx: PlanContext): void;
  /** A reference that is not a snapshot record (the restore marker field), planned before any lookup. */
  planReference?(ctx: PlanContext, oldId: string): Resolution | undefined;
  /** The step of one snapshot record. Absent: the entity cannot be restored. */
  plan?(ctx: PlanContext, record: Json, pulledIn: boolean, oldId: string): Resolution;
  /**
   * `plan` settles a record found in live before anything else (PlanContext.settle, then
   * existing): so a record whose JSON text is the live record's under the same id, and whose
   * references all stay where they are in live, plans as identical, and the planner may count it
   * without parsing it (PlanContext.identicalByText).
   */
  readonly settlesFirst?: boolean;
  /** Keys (`entity:id`) selected along with a record the user chose (an order's payments, a contact's tags). */
  selectedWith?(snap: SnapshotDb, id: string): string[];
  /** The ids that selecting the whole entity selects. Default: every distinct id of its table. */
  selectableIds?(snap: SnapshotDb): string[];

  // ---- apply
  /** Sends a create step. */
  create?(ctx: ApplyContext, step: PlanStep, request: ResolvedRequest): Promise<WriteResult>;
  /** The Keap resource a PATCH of the entity goes to (updates). */
  updatable?(client: KeapClient): Updatable;
  /** Sends an update step's item patches (`step.itemPatches`) to the live record `liveId`. */
  patchItems?(ctx: ApplyContext, step: PlanStep, liveId: string): Promise<void>;
  /** What a create may already have made in live; undefined means proven absent. */
  find?(ctx: ApplyContext, step: PlanStep, request: ResolvedRequest): Promise<string | undefined>;
  /** Why a step sent nothing (the receipt says it), when the entity can turn out to have nothing to send. */
  nothingSent?: string;
  /** Checks a created record beyond its fields (an order's paid amount). */
  verifyCreated?(ctx: VerifyContext, step: PlanStep, name: string, want: Json, got: Json): void;
}

/** A create's `verify` callback (asked when the answer to a create was lost) from a step's `find`. */
export function verifyByFind<T extends { id: string }>(find: () => Promise<string | undefined>): () => Promise<T | undefined> {
  return async () => {
    const id = await find();
    return id === undefined ? undefined : ({ id } as T);
  };
}

/** The first item of a listing, or undefined. */
export async function first<T>(source: AsyncIterable<T>): Promise<T | undefined> {
  for await (const item of source) return item;
  return undefined;
}
