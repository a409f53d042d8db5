/**
 * The live account, as read for planning, indexed by everything a restore matches on: ids, the
 * restore marker, and natural keys (email, SKU, tag name, company name, custom-field label).
 */
import type { KeapCustomField } from '../model';
import type { SnapshotEntity } from '../snapshot/entities';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { hashRecord, type RestoreEntity } from './plan';
import { comparableRecord } from './fields';
import { entityModule, ENTITY_MODULES, isCapturedEntity } from '../entities';
import type { LiveIndexFeed } from './liveIndexFeed';
import { IdGroups } from '../collections/idGroups';
import { KeapIdIndex } from '../collections/keapIdIndex';
import {
  HASH_CHARS,
  LiveRecords,
  noteMarkerField,
  orderLook,
  paymentLook,
  projectionHash,
  type KeptById,
  textHash,
  type Json,
  type LiveOrderLook,
  type LivePaymentLook,
} from './liveRecords';

export { projectionHash, type LiveOrderLook, type LivePaymentLook } from './liveRecords';

/** hashesOnly: records of an entity read again one at a time before its texts are read in one pass. */
const READS_BY_ID = 300;

/**
 * The entities read whole when an index is made, in this order: custom fields first, since the
 * other records' markers are read through the marker fields' ids; then every entity with a natural
 * key (ENTITY_MODULES). Others are read on first use.
 */
const EAGER: readonly RestoreEntity[] = [
  ...new Set<RestoreEntity>([
    'custom_fields',
    'contacts',
    'companies',
    'orders',
    'subscriptions',
    'payments',
    ...ENTITY_MODULES.filter((m) => m.naturalKey).map((m) => m.name as RestoreEntity),
  ]),
];

/** How a live index keeps each record (see LiveIndex). */
export interface LiveIndexOptions {
  /**
   * Keep, per live record, only the hash of its projection onto the restorable fields (what
   * planning compares and what a plan records), not its JSON text: planning parses each live
   * record once, and memory holds 32 characters per record instead of the record. `json` and
   * `record` then read the record from the database again (planning does, only for a record
   * that differs from the snapshot).
   */
  hashesOnly?: boolean;
  /**
   * hashesOnly: the entities whose records also keep the hash of their JSON text and the records
   * they reference (see sameText), for planning to count a record that did not change unread.
   */
  sameText?: ReadonlySet<RestoreEntity>;
  /**
   * What the live read that made `db` indexed as its pages arrived (liveIndexFeed.ts): taken as it
   * is where it was made for the same options, instead of reading those entities again.
   */
  fed?: LiveIndexFeed;
}

export class LiveIndex {
  /** What the pass over each entity indexed (liveRecords.ts). */
  private readonly records: LiveRecords;
  /** Ids of entities not (yet) in byId, read without their JSON: what a projection's references need. */
  private readonly idSets = new Map<string, KeapIdIndex>();
  private readonly hashesOnly: boolean;
  private readonly sameTextOf: ReadonlySet<RestoreEntity>;
  /** hashesOnly: the projection hashes made when asked, of the entities of options.sameText. */
  private readonly lateHashes = new Map<RestoreEntity, Map<string, string>>();
  /** hashesOnly: records read again by id so far, per entity, and the texts of an entity read whole after READS_BY_ID. */
  private readonly readsById = new Map<string, number>();
  private readonly textsRead = new Map<string, Map<string, string>>();
  /** Per live contact, the live ids of its tags. */
  private tagsByContact = new IdGroups();
  /** Entities a whole plan is done with, whose planning's look-ups were given back (plannedWhole). */
  private readonly givenBack = new Set<RestoreEntity>();
  /** Entities the live read's feed indexed (not read again here). */
  readonly fedEntities: ReadonlySet<RestoreEntity>;

  constructor(
    readonly db: SnapshotDb,
    options: LiveIndexOptions = {},
  ) {
    this.hashesOnly = options.hashesOnly ?? false;
    this.sameTextOf = (this.hashesOnly && options.sameText) || new Set();
    const fed = options.fed && this.hashesOnly && sameSet(options.fed.sameText, this.sameTextOf) ? options.fed : undefined;
    this.records = fed?.take() ?? new LiveRecords(this.hashesOnly, this.sameTextOf);
    this.fedEntities = new Set(fed?.indexed);
    // Each entity is read and parsed once, in one pass that fills everything indexed of it
    // (liveRecords.ts), unless the live read indexed it as it arrived.
    for (const entity of EAGER) if (!this.fedEntities.has(entity)) this.index(entity);
    for (const [contactId, tagId] of db.tuples('SELECT contact_id, tag_id FROM contact_tags'))
      this.tagsByContact.add(String(contactId), String(tagId));
    // The id sets read for references while indexing are now in byId (keys), where indexed.
    for (const entity of this.records.byId.keys()) this.idSets.delete(entity);
    this.records.trim();
    this.tagsByContact.trim();
  }

  get markerFieldIds(): ReadonlyMap<string, string> {
    return this.records.markerFieldIds;
  }

  /** One read of an entity from the database: every record through the entity's pass (LiveRecords.pass). */
  private index(entity: RestoreEntity): void {
    const pass = this.records.pass(entity, (record) => projectionHash(this.projection(entity, record)));
    for (const row of this.db.rows(entity as SnapshotEntity)) pass.add(row.id, row.json);
    pass.end();
  }

  /**
   * The records a live record references, as [entity, id, entity, id…], when its JSON text is
   * `text` and the index keeps its text's hash (options.sameText); undefined otherwise.
   */
  sameText(entity: RestoreEntity, id: string, text: string): string[] | undefined {
    if (!this.sameTextOf.has(entity)) return undefined;
    const kept = this.ids(entity).get(id);
    if (!kept || kept.slice(0, HASH_CHARS) !== textHash(text)) return undefined;
    return kept.length > HASH_CHARS ? (JSON.parse(kept.slice(HASH_CHARS)) as string[]) : [];
  }

  /** Per entity read whole, the newest change time of its records (ISO; the epoch when it has none). */
  newestChanges(): Partial<Record<RestoreEntity, string>> {
    // In the order a pass over the database makes them, whichever entities the live read indexed.
    const newest = this.records.newestChange;
    const order = [...EAGER.filter((e) => newest.has(e)), ...[...newest.keys()].filter((e) => !EAGER.includes(e))];
    return Object.fromEntries(order.map((entity) => [entity, new Date(newest.get(entity)!).toISOString()]));
  }

  /** The entities the projections of `entity`'s records referred to so far. */
  referencedFrom(entity: RestoreEntity): ReadonlySet<RestoreEntity> {
    return this.records.referenced.get(entity) ?? new Set();
  }

  has(entity: RestoreEntity, id: string): boolean {
    const indexed = this.records.byId.get(entity);
    if (indexed) return indexed.has(id);
    return this.hashesOnly ? this.idSet(entity).has(id) : this.ids(entity).has(id);
  }

  /** The live record's JSON text (for fingerprints and comparisons). */
  json(entity: RestoreEntity, id: string): string | undefined {
    if (!this.hashesOnly) return this.ids(entity).get(id);
    const texts = this.textsRead.get(entity);
    if (texts) return texts.get(id);
    if (!this.has(entity, id)) return undefined;
    // A look-up by id costs a query (0.1-0.4 ms here); a pass over the entity some 10 µs a record.
    // Past a few hundred records that differ from the snapshot, one pass keeps every text instead.
    const reads = (this.readsById.get(entity) ?? 0) + 1;
    this.readsById.set(entity, reads);
    if (reads > READS_BY_ID) {
      const all = new Map<string, string>();
      for (const row of this.db.rows(entity as SnapshotEntity)) if (!all.has(row.id)) all.set(row.id, row.json);
      this.textsRead.set(entity, all);
      return all.get(id);
    }
    const json = this.db.scalar(`SELECT json FROM ${entity as SnapshotEntity} WHERE id = ? ORDER BY rowid LIMIT 1`, [id]);
    return typeof json === 'string' ? json : undefined;
  }

  record<T = Json>(entity: RestoreEntity, id: string): T | undefined {
    const text = this.json(entity, id);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  /**
   * A live record projected onto what a restore reads and writes, references as live ids and
   * `missing:<id>` where the referenced record is gone: what the planner compares with the
   * snapshot and what a plan's hash of the record covers.
   */
  projection(entity: RestoreEntity, record: Json): Json {
    const seen = this.records.referencedSet(entity);
    return comparableRecord(entity, record, (e, ref) => {
      seen.add(e);
      return this.has(e, ref) ? ref : `missing:${ref}`;
    });
  }

  /** The hash a plan keeps of a live record it depends on (see RestorePlan['live']['hashes']). */
  hash(entity: RestoreEntity, id: string, of: 'record' | 'restorable-fields' = 'restorable-fields'): string | undefined {
    if (this.hashesOnly && of === 'restorable-fields' && !this.sameTextOf.has(entity)) return this.ids(entity).get(id);
    if (of === 'restorable-fields' && this.sameTextOf.has(entity)) return this.lateHash(entity, id);
    const text = this.json(entity, id);
    if (text === undefined) return undefined;
    return of === 'record' ? hashRecord(text) : projectionHash(this.projection(entity, JSON.parse(text) as Json));
  }

  /** The projection hash of a record of options.sameText, made on first use (see kept). */
  private lateHash(entity: RestoreEntity, id: string): string | undefined {
    let hashes = this.lateHashes.get(entity);
    if (!hashes) this.lateHashes.set(entity, (hashes = new Map()));
    let hash = hashes.get(id);
    if (hash === undefined) {
      const text = this.json(entity, id);
      if (text === undefined) return undefined;
      hashes.set(id, (hash = projectionHash(this.projection(entity, JSON.parse(text) as Json))));
    }
    return hash;
  }

  /** The live record a snapshot record matches by one of its natural keys (its module's), if any. */
  byNaturalKeyOf(entity: RestoreEntity, record: Json): string | undefined {
    const naturalKey = isCapturedEntity(entity) ? entityModule(entity).naturalKey : undefined;
    for (const key of naturalKey?.of(record) ?? []) {
      const id = this.byNaturalKey(entity, key);
      if (id) return id;
    }
    return undefined;
  }

  byNaturalKey(entity: RestoreEntity, key: string): string | undefined {
    return this.records.byKey.get(entity)?.get(key);
  }

  byRestoreMarker(entity: RestoreEntity, oldId: string): string | undefined {
    return this.records.byMarker.get(entity)?.get(oldId);
  }

  paymentsOf(liveOrderId: string): LivePaymentLook[] {
    this.held('payments');
    return this.records.paymentsByOrder.get(liveOrderId).map(paymentLook);
  }

  ordersOf(liveContactId: string): LiveOrderLook[] {
    this.held('orders');
    return this.records.ordersByContact.get(liveContactId).map(orderLook);
  }

  contactHasTag(liveContactId: string, liveTagId: string): boolean {
    this.held('contact_tags');
    return this.tagsByContact.get(liveContactId).includes(liveTagId);
  }

  /**
   * A whole plan has planned every record of `entity`: what only that entity's planning reads is
   * given back (orders by contact, payments by order, tags by contact: some 200 MB at 1M contacts),
   * as planning's memory peaks at its end, when every step has been made.
   */
  plannedWhole(entity: RestoreEntity): void {
    if (entity === 'orders') this.records.ordersByContact = new IdGroups();
    else if (entity === 'payments') this.records.paymentsByOrder = new IdGroups();
    else if (entity === 'contact_tags') this.tagsByContact = new IdGroups();
    else return;
    this.givenBack.add(entity);
  }

  private held(entity: RestoreEntity): void {
    // invariant: a whole plan resolves every record of an entity in that entity's pass, so nothing asks after it.
    if (this.givenBack.has(entity)) throw new Error(`The live index gave back what planning ${entity} reads, and it was asked for again`);
  }

  /** An entity's byId map, read in one pass on first use. */
  private ids(entity: RestoreEntity): KeptById {
    if (!this.records.byId.has(entity)) {
      this.index(entity);
      this.idSets.delete(entity);
    }
    return this.records.byId.get(entity)!;
  }

  /** The ids of an entity, without reading its records' JSON. */
  private idSet(entity: RestoreEntity): KeapIdIndex {
    let set = this.idSets.get(entity);
    if (!set) {
      set = new KeapIdIndex();
      for (const row of this.db.rows(entity as SnapshotEntity, { json: false })) set.add(row.id);
      this.idSets.set(entity, set);
    }
    return set;
  }
}

/**
 * The live ids of the marker fields, per record type, read from the custom fields alone: what an
 * apply needs of the live read besides its rows, without indexing every record of the account.
 */
export function markerFieldIdsOf(db: SnapshotDb): Map<string, string> {
  const ids = new Map<string, string>();
  for (const row of db.rows('custom_fields')) noteMarkerField(ids, JSON.parse(row.json) as KeapCustomField);
  return ids;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
