/**
 * What one pass over the live account's records indexes, a record at a time: ids with what is kept
 * of each record, natural keys, restore markers, orders by contact, payments by order and the
 * newest change time per entity. LiveIndex reads it from the live read's database; the live read of
 * a plan also fills it as its pages arrive (LiveIndexFeed), so that planning does not inflate and
 * parse those records a second time. Both go through `pass`, so both give the same index.
 */
import type { KeapCustomField, KeapOrder, KeapPayment } from '../model';
import { entityModule, isCapturedEntity } from '../entities';
import { hashRecord, sha256Hex, type RestoreEntity } from './plan';
import { referencesOf } from './fields';
import { MARKER_LABEL, MARKER_RECORD_TYPES, recordMarker, type MarkedEntity } from './marker';
import { liveOrderSignature } from './orderSignature';
import { HashedIdMap } from '../collections/hashedIdMap';
import { IdGroups } from '../collections/idGroups';

export type Json = Record<string, unknown>;

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

/**
 * A live payment as matching a snapshot payment needs it (payments.ts), kept instead of the parsed
 * payment: its id, its note (the restore marker is in it), amount and date.
 */
export type LivePaymentLook = Pick<KeapPayment, 'id' | 'note' | 'amount' | 'payment_time'>;

/**
 * What is kept of an entity's records by id: their JSON texts in a Map, or, hashesOnly, a hash
 * each (and a short tail) in typed arrays, as a large account has millions (HashedIdMap).
 */
export interface KeptById {
  readonly size: number;
  has(id: string): boolean;
  get(id: string): string | undefined;
}

/** One entity's pass: its records in stored order, then end(). */
export interface EntityPass {
  /** A record: its id, its JSON text and, when the caller has it, the text parsed. */
  add(id: string, text: string, record?: Json): void;
  end(): void;
}

export class LiveRecords {
  /**
   * Per entity, id -> JSON text (not hashesOnly), its projection hash (hashesOnly) or, for the
   * entities of sameTextOf, its text's hash and the records it references (see keptOf).
   */
  readonly byId = new Map<string, KeptById>();
  readonly byKey = new Map<string, Map<string, string>>();
  readonly byMarker = new Map<string, Map<string, string>>();
  /** Live custom field id of the marker field, per record type. */
  readonly markerFieldIds = new Map<string, string>();
  /** Payments by live order id (as paymentText makes them; paymentsOf reads them). */
  paymentsByOrder = new IdGroups();
  /** Orders by live contact id, for duplicate detection (as orderText makes them; ordersOf reads them). */
  ordersByContact = new IdGroups();
  /** Per entity, the entities its records referred to (a stale check must read them too). */
  readonly referenced = new Map<RestoreEntity, Set<RestoreEntity>>();
  /** Per entity indexed, the newest change time (ms) of its records, by Keap's clock. */
  readonly newestChange = new Map<RestoreEntity, number>();

  constructor(
    readonly hashesOnly: boolean,
    readonly sameTextOf: ReadonlySet<RestoreEntity>,
  ) {}

  /**
   * Starts the pass over an entity. A repeated id keeps its first record (as a look-up by id finds
   * it). `projectionHash`: what hashesOnly keeps of a record of an entity not in sameTextOf (its
   * projection names the records it references as live or missing, so only the database's pass,
   * with every id at hand, can make it).
   */
  pass(entity: RestoreEntity, projectionHash?: (record: Json) => string): EntityPass {
    const module = isCapturedEntity(entity) ? entityModule(entity) : undefined;
    const naturalKey = module?.naturalKey;
    const changeTime = module?.changeTime;
    const visit = this.visitorOf(entity);
    const sameText = this.hashesOnly && this.sameTextOf.has(entity);
    // invariant: LiveIndex gives a projection hash to every pass but the feed's, which keeps sameText entities only.
    if (this.hashesOnly && !sameText && !projectionHash) throw new Error(`${entity}: a projection hash needs the database's pass`);
    let newest = 0;
    const texts = this.hashesOnly ? undefined : new Map<string, string>();
    const hashes = this.hashesOnly ? new HashedIdMap() : undefined;
    const kept: KeptById = (texts ?? hashes)!;
    return {
      add: (id, text, parsed) => {
        const first = !kept.has(id);
        if (first) texts?.set(id, text);
        if (!naturalKey && !visit && !(first && this.hashesOnly)) return;
        const record = parsed ?? (JSON.parse(text) as Json);
        if (changeTime) {
          const at = Date.parse(String(record[changeTime] ?? ''));
          if (at > newest) newest = at;
        }
        if (first && hashes) hashes.setIfAbsent(id, sameText ? this.sameTextKept(entity, record, text) : projectionHash!(record));
        if (naturalKey) for (const key of naturalKey.of(record)) this.key(entity, key, String(record.id));
        visit?.(record);
      },
      end: () => {
        hashes?.trim();
        this.byId.set(entity, kept);
        if (changeTime && (naturalKey || visit || this.hashesOnly)) this.newestChange.set(entity, newest);
      },
    };
  }

  /** Gives back the room kept for more (once every entity is indexed: the arrays grow by doubling). */
  trim(): void {
    this.paymentsByOrder.trim();
    this.ordersByContact.trim();
  }

  referencedSet(entity: RestoreEntity): Set<RestoreEntity> {
    let referenced = this.referenced.get(entity);
    if (!referenced) this.referenced.set(entity, (referenced = new Set()));
    return referenced;
  }

  /**
   * What hashesOnly keeps of a record of sameTextOf: its text's hash, then the records it
   * references as JSON (HashedIdMap keeps it as bytes); its projection is hashed only when asked
   * (LiveIndex.hash), and a plan asks for few, as most records did not change.
   */
  private sameTextKept(entity: RestoreEntity, record: Json, text: string): string {
    const refs: string[] = [];
    const seen = this.referencedSet(entity);
    referencesOf(entity, record, (e, id) => {
      seen.add(e);
      refs.push(e, id);
    });
    return textHash(text) + (refs.length ? JSON.stringify(refs) : '');
  }

  /**
   * What the pass indexes of each record of an entity besides its id and natural keys. Markers are
   * read through the marker fields' live ids, so custom fields are passed over first.
   */
  private visitorOf(entity: RestoreEntity): ((record: Json) => void) | undefined {
    const markerOf = (r: Json) => recordMarker(r, this.markerFieldIds.get(MARKER_RECORD_TYPES[entity as MarkedEntity]));
    switch (entity) {
      case 'custom_fields':
        return (f) => noteMarkerField(this.markerFieldIds, f as unknown as KeapCustomField);
      case 'contacts':
      case 'companies':
      case 'subscriptions':
        return (r) => {
          const m = markerOf(r);
          if (m) this.marker(entity, m, String(r.id));
        };
      case 'orders':
        return (r) => {
          const o = r as unknown as KeapOrder;
          const m = markerOf(r);
          if (m) this.marker('orders', m, o.id);
          if (o.contact?.id)
            this.ordersByContact.add(
              o.contact.id,
              orderText({ id: o.id, order_time: o.order_time, signature: liveOrderSignature(r), marker: m }),
            );
        };
      case 'payments':
        return (r) => {
          const p = r as unknown as KeapPayment;
          const look = paymentText({ id: p.id, note: p.note, amount: p.amount, payment_time: p.payment_time });
          for (const orderId of p.order_ids ?? []) this.paymentsByOrder.add(orderId, look);
        };
      default:
        return undefined;
    }
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

export function noteMarkerField(ids: Map<string, string>, field: KeapCustomField): void {
  if (field.label === MARKER_LABEL && field.record_type) ids.set(field.record_type, field.id);
}

export function projectionHash(projection: Json): string {
  return hashRecord(JSON.stringify(projection));
}

/** The length of a text hash. */
export const HASH_CHARS = 32;

/** A JSON text's hash, to tell a record that did not change from one that did without parsing either. */
export function textHash(text: string): string {
  return sha256Hex(text).slice(0, HASH_CHARS);
}

/*
 * A look kept as a JSON array of its fields, in this order (undefined as null): a million live
 * orders as objects were 400 MB of a plan's memory, as texts in IdGroups about a quarter of it.
 */

function orderText(look: LiveOrderLook): string {
  return JSON.stringify([look.id, look.order_time ?? null, look.signature, look.marker ?? null]);
}

export function orderLook(text: string): LiveOrderLook {
  const [id, orderTime, signature, marker] = JSON.parse(text) as [string, string | null, string, string | null];
  return { id, signature, ...(orderTime !== null && { order_time: orderTime }), ...(marker !== null && { marker }) };
}

function paymentText(look: LivePaymentLook): string {
  return JSON.stringify([look.id, look.note ?? null, look.amount ?? null, look.payment_time ?? null]);
}

export function paymentLook(text: string): LivePaymentLook {
  const [id, note, amount, paymentTime] = JSON.parse(text) as [string, string | null, number | null, string | null];
  return {
    id,
    ...(note !== null && { note }),
    ...(amount !== null && { amount }),
    ...(paymentTime !== null && { payment_time: paymentTime }),
  };
}
