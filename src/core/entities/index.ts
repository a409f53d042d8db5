/**
 * Every Keap entity Keap Vault knows, one module each. The order is the capture order and the order
 * of a snapshot's tables (and of its checksum): add a new entity at the end.
 */
import { campaigns } from './campaigns';
import { companies } from './companies';
import { contacts } from './contacts';
import { customFields } from './customFields';
import type { ChildTable, KeapEntityModule } from './define';
import type { CapturedEntity, DerivedEntity, SnapshotEntity } from './names';
import { notes } from './notes';
import { orders } from './orders';
import { payments } from './payments';
import { products } from './products';
import { subscriptions } from './subscriptions';
import { tags } from './tags';
import { transactions } from './transactions';

export const ENTITY_MODULES = [
  contacts,
  companies,
  products,
  orders,
  payments,
  transactions,
  subscriptions,
  tags,
  campaigns,
  customFields,
  notes,
] as const;

type AnyModule = (typeof ENTITY_MODULES)[number];
type ChildNameOf<M> = M extends KeapEntityModule<string, infer C> ? C : never;

export type { CapturedEntity, DerivedEntity, SnapshotEntity } from './names';

/** Compiles only while names.ts lists exactly the registry's entities (captured and derived). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchRegistry: [Same<AnyModule['name'], CapturedEntity>, Same<ChildNameOf<AnyModule>, DerivedEntity>] = [true, true];
void namesMatchRegistry;

export const CAPTURED_ENTITIES: readonly CapturedEntity[] = ENTITY_MODULES.map((m) => m.name);
export const DERIVED_ENTITIES: readonly DerivedEntity[] = ENTITY_MODULES.flatMap((m) =>
  ((m.children ?? []) as readonly ChildTable<DerivedEntity>[]).map((c) => c.name),
);
export const SNAPSHOT_ENTITIES: readonly SnapshotEntity[] = [...CAPTURED_ENTITIES, ...DERIVED_ENTITIES];

const BY_NAME = new Map<string, KeapEntityModule>(ENTITY_MODULES.map((m) => [m.name, m as KeapEntityModule]));
const CHILD_BY_NAME = new Map<string, ChildTable>(ENTITY_MODULES.flatMap((m) => (m.children ?? []).map((c) => [c.name, c] as const)));
const PARENT_OF = new Map<string, KeapEntityModule>(
  ENTITY_MODULES.flatMap((m) => (m.children ?? []).map((c) => [c.name, m as KeapEntityModule] as const)),
);

export function isCapturedEntity(name: string): name is CapturedEntity {
  return BY_NAME.has(name);
}

/** How people call one and many records of an entity, captured or derived: "order", "order items". */
export function entityNoun(name: SnapshotEntity): EntityNoun;
export function entityNoun(name: string): EntityNoun | undefined;
export function entityNoun(name: string): EntityNoun | undefined {
  return BY_NAME.get(name)?.noun ?? CHILD_BY_NAME.get(name)?.noun;
}

export type EntityNoun = KeapEntityModule['noun'];

/** The module of a captured entity, or of the entity whose records carry a derived one inline. */
export function entityModule(name: SnapshotEntity): KeapEntityModule {
  const module = BY_NAME.get(name) ?? PARENT_OF.get(name);
  // invariant: every SnapshotEntity is captured or carried inline by a captured one (names.ts is checked against the registry).
  if (!module) throw new Error(`Unknown Keap entity '${name}'`);
  return module;
}

/** Entities whose ids Keap makes unique (checked by entity/duplicate-id): each entity, then its children. */
export const UNIQUE_ID_ENTITIES: readonly SnapshotEntity[] = ENTITY_MODULES.flatMap((m) => [
  ...(m.uniqueIds ? [m.name] : []),
  ...((m.children ?? []) as readonly ChildTable<DerivedEntity>[]).filter((c) => c.uniqueIds).map((c) => c.name),
]);

/** Entities the explorer lists, in the order users look for them. */
export const EXPLORER_ENTITIES: readonly CapturedEntity[] = ENTITY_MODULES.filter((m) => m.explorerRank !== undefined)
  .sort((a, b) => a.explorerRank! - b.explorerRank!)
  .map((m) => m.name);
