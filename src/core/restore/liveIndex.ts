/**
 * The live account, as read for planning, indexed by everything a restore matches on: ids, the
 * restore marker, and natural keys (email, SKU, tag name, company name, custom-field label).
 */
import type { KeapContact, KeapCustomField, KeapOrder, KeapPayment } from '../model';
import type { SnapshotEntity } from '../snapshot/entities';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { hashRecord, sha256Hex, type RestoreEntity } from './plan';
import { comparableRecord, referencesOf } from './fields';
import { MARKER_LABEL, recordMarker } from './marker';
import { entityModule, ENTITY_MODULES, isCapturedEntity } from '../entities';
import { liveOrderSignature } from './orderSignature';

type Json = Record<string, unknown>;

/** hashesOnly: records of an entity read again one at a time before its texts are read in one pass. */
const READS_BY_ID = 300;

/**
 * A live order as duplicate detection needs it, kept instead of the parsed order: what makes two
 * orders the same purchase (orderSignature.ts), its date and its restore marker.
 */
export interface LiveOrderLook {
  id: string;
  order_time?: string;
  signature: string;
  /** The snapshot id its restore marker names, when a restore wrote it. */
  marker?: string;
}

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
}

/**
 * A live payment as matching a snapshot payment needs it (payments.ts), kept instead of the parsed
 * payment: its id, its note (the restore marker is in it), amount and date.
 */
export type LivePaymentLook = Pick<KeapPayment, 'id' | 'note' | 'amount' | 'payment_time'>;

export class LiveIndex {
  /**
   * Per entity, id -> JSON text (default), its projection hash (hashesOnly) or, for the entities
   * of options.sameText, its text's hash and the records it references (see kept).
   */
  private readonly byId = new Map<string, Map<string, string>>();
  /** Ids of entities not (yet) in byId, read without their JSON: what a projection's references need. */
  private readonly idSets = new Map<string, Set<string>>();
  private readonly hashesOnly: boolean;
  private readonly sameTextOf: ReadonlySet<RestoreEntity>;
  /** hashesOnly: the projection hashes made when asked, of the entities of options.sameText. */
  private readonly lateHashes = new Map<RestoreEntity, Map<string, string>>();
  /** hashesOnly: records read again by id so far, per entity, and the texts of an entity read whole after READS_BY_ID. */
  private readonly readsById = new Map<string, number>();
  private readonly textsRead = new Map<string, Map<string, string>>();
  private readonly byKey = new Map<string, Map<string, string>>();
  private readonly byMarker = new Map<string, Map<string, string>>();
  /** Live custom field id of the marker field, per record type. */
  readonly markerFieldIds = new Map<string, string>();
  /** Payments by live order id. */
  private readonly paymentsByOrder = new Map<string, LivePaymentLook[]>();
  /** Orders by live contact id, for duplicate detection. */
  private readonly ordersByContact = new Map<string, LiveOrderLook[]>();
  private readonly tagsByContact = new Map<string, Set<string>>();
  /** Per entity, the entities its projections referred to (a stale check must read them too). */
  private readonly referenced = new Map<RestoreEntity, Set<RestoreEntity>>();
  /** Per entity indexed, the newest change time (ms) of its records, by Keap's clock. */
  private readonly newestChange = new Map<RestoreEntity, number>();

  constructor(
    readonly db: SnapshotDb,
    options: LiveIndexOptions = {},
  ) {
    this.hashesOnly = options.hashesOnly ?? false;
    this.sameTextOf = (this.hashesOnly && options.sameText) || new Set();
    // Each entity is read and parsed once, in one pass that fills everything indexed of it: ids
    // (with the JSON text kept for comparisons), natural keys as each entity module states them
    // (email, company name, SKU, tag name, field label), markers, orders by contact, payments by
    // order. Custom fields come first: the other records' markers are read through their ids.
    this.index('custom_fields', (f: KeapCustomField) => noteMarkerField(this.markerFieldIds, f));
    const markerOf = (type: string, r: Json) => recordMarker(r, this.markerFieldIds.get(type));
    this.index('contacts', (c: KeapContact) => {
      const m = markerOf('CONTACT', c as unknown as Json);
      if (m) this.marker('contacts', m, c.id);
    });
    this.index('companies', (c: Json) => {
      const m = markerOf('COMPANY', c);
      if (m) this.marker('companies', m, String(c.id));
    });
    this.index('orders', (o: KeapOrder) => {
      const m = markerOf('ORDER', o as unknown as Json);
      if (m) this.marker('orders', m, o.id);
      if (o.contact?.id)
        push(this.ordersByContact, o.contact.id, {
          id: o.id,
          order_time: o.order_time,
          signature: liveOrderSignature(o as unknown as Json),
          marker: m,
        });
    });
    this.index('subscriptions', (s: Json) => {
      const m = markerOf('SUBSCRIPTION', s);
      if (m) this.marker('subscriptions', m, String(s.id));
    });
    this.index('payments', (p: KeapPayment) => {
      const look: LivePaymentLook = { id: p.id, note: p.note, amount: p.amount, payment_time: p.payment_time };
      for (const orderId of p.order_ids ?? []) push(this.paymentsByOrder, orderId, look);
    });
    for (const module of ENTITY_MODULES) if (module.naturalKey && !this.byId.has(module.name)) this.index(module.name as RestoreEntity);
    for (const [contactId, tagId] of db.tuples('SELECT contact_id, tag_id FROM contact_tags')) {
      let set = this.tagsByContact.get(String(contactId));
      if (!set) this.tagsByContact.set(String(contactId), (set = new Set()));
      set.add(String(tagId));
    }
    // The id sets read for references while indexing are now in byId (keys), where indexed.
    for (const entity of this.byId.keys()) this.idSets.delete(entity);
  }

  /**
   * One read of an entity: its ids and JSON text or projection hash (of the first record of a
   * repeated id, as a look-up by id finds), its natural keys, and whatever `visit` indexes of each
   * parsed record.
   */
  private index<T>(entity: RestoreEntity, visit?: (record: T) => void): void {
    const module = isCapturedEntity(entity) ? entityModule(entity) : undefined;
    const naturalKey = module?.naturalKey;
    const changeTime = module?.changeTime;
    let newest = 0;
    const kept = new Map<string, string>();
    for (const row of this.db.rows(entity as SnapshotEntity)) {
      const first = !kept.has(row.id);
      if (first && !this.hashesOnly) kept.set(row.id, row.json);
      if (!naturalKey && !visit && !(first && this.hashesOnly)) continue;
      const record = JSON.parse(row.json) as Json;
      if (changeTime) {
        const at = Date.parse(String(record[changeTime] ?? ''));
        if (at > newest) newest = at;
      }
      if (first && this.hashesOnly) kept.set(row.id, this.kept(entity, record, row.json));
      if (naturalKey) for (const key of naturalKey.of(record)) this.key(entity, key, String(record.id));
      visit?.(record as T);
    }
    this.byId.set(entity, kept);
    if (changeTime && (naturalKey || visit || this.hashesOnly)) this.newestChange.set(entity, newest);
  }

  /**
   * What hashesOnly keeps of a record: its projection hash; for the entities of options.sameText,
   * instead, its text's hash and the records it references in one flat string (a string built of
   * parts keeps every part alive, and a large account keeps millions of these), its projection
   * hashed only when asked (hash): a plan asks for few, as most records did not change.
   */
  private kept(entity: RestoreEntity, record: Json, text: string): string {
    if (!this.sameTextOf.has(entity)) return projectionHash(this.projection(entity, record));
    const refs: string[] = [];
    const seen = this.referencedSet(entity);
    referencesOf(entity, record, (e, id) => {
      seen.add(e);
      refs.push(e, id);
    });
    return flat(textHash(text) + (refs.length ? JSON.stringify(refs) : ''));
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
    return Object.fromEntries([...this.newestChange].map(([entity, ms]) => [entity, new Date(ms).toISOString()]));
  }

  /** The entities the projections of `entity`'s records referred to so far. */
  referencedFrom(entity: RestoreEntity): ReadonlySet<RestoreEntity> {
    return this.referenced.get(entity) ?? new Set();
  }

  has(entity: RestoreEntity, id: string): boolean {
    const indexed = this.byId.get(entity);
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
    const seen = this.referencedSet(entity);
    return comparableRecord(entity, record, (e, ref) => {
      seen.add(e);
      return this.has(e, ref) ? ref : `missing:${ref}`;
    });
  }

  private referencedSet(entity: RestoreEntity): Set<RestoreEntity> {
    let referenced = this.referenced.get(entity);
    if (!referenced) this.referenced.set(entity, (referenced = new Set()));
    return referenced;
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
    return this.byKey.get(entity)?.get(key);
  }

  byRestoreMarker(entity: RestoreEntity, oldId: string): string | undefined {
    return this.byMarker.get(entity)?.get(oldId);
  }

  paymentsOf(liveOrderId: string): LivePaymentLook[] {
    return this.paymentsByOrder.get(liveOrderId) ?? [];
  }

  ordersOf(liveContactId: string): LiveOrderLook[] {
    return this.ordersByContact.get(liveContactId) ?? [];
  }

  contactHasTag(liveContactId: string, liveTagId: string): boolean {
    return this.tagsByContact.get(liveContactId)?.has(liveTagId) ?? false;
  }

  /** An entity's byId map, read in one pass on first use. */
  private ids(entity: RestoreEntity): Map<string, string> {
    if (!this.byId.has(entity)) {
      this.index(entity);
      this.idSets.delete(entity);
    }
    return this.byId.get(entity)!;
  }

  /** The ids of an entity, without reading its records' JSON. */
  private idSet(entity: RestoreEntity): Set<string> {
    let set = this.idSets.get(entity);
    if (!set) {
      set = new Set();
      for (const row of this.db.rows(entity as SnapshotEntity, { json: false })) set.add(row.id);
      this.idSets.set(entity, set);
    }
    return set;
  }

  private key(entity: string, key: string, id: string): void {
    let map = this.byKey.get(entity);
    if (!map) this.byKey.set(entity, (map = new Map()));
    if (!map.has(key)) map.set(key, id);
  }

  private marker(entity: string, oldId: string, id: string): void {
    let map = this.byMarker.get(entity);
    if (!map) this.byMarker.set(entity, (map = new Map()));
    if (!map.has(oldId)) map.set(oldId, id);
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

function noteMarkerField(ids: Map<string, string>, field: KeapCustomField): void {
  if (field.label === MARKER_LABEL && field.record_type) ids.set(field.record_type, field.id);
}

export function projectionHash(projection: Json): string {
  return hashRecord(JSON.stringify(projection));
}

/** The length of a text hash. */
const HASH_CHARS = 32;

/** A JSON text's hash, to tell a record that did not change from one that did without parsing either. */
function textHash(text: string): string {
  return sha256Hex(text).slice(0, HASH_CHARS);
}

/** The string as one flat string of its own (see kept). */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
