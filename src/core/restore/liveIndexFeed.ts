/**
 * A plan's live read, indexed as its pages arrive: the capture's thread has each record parsed and
 * its JSON text at hand, and a live read against Keap spends most of its time waiting for its quota,
 * so indexing there spares planning a second inflate and parse of every record (about a third of
 * planning). Only what a page alone decides is indexed here: the records kept by their text's hash
 * (LiveRecords.sameTextOf), whose markers need the marker fields' ids, so custom fields are read
 * first (liveRead.ts). Anything else, and any entity whose pages came in an order this cannot
 * follow, LiveIndex reads from the database as before.
 */
import type { CapturedEntity } from '../snapshot/entities';
import { ENTITY_DEFS } from '../snapshot/entities';
import type { KeapCustomField } from '../model';
import { MARKER_RECORD_TYPES } from './marker';
import type { RestoreEntity } from './plan';
import { LiveRecords, noteMarkerField, type EntityPass, type Json } from './liveRecords';

export class LiveIndexFeed {
  /** Given to the plan's LiveIndex by take(), and no longer held here: the plan's caller keeps the feed after planning. */
  private records: LiveRecords | undefined;
  /** Entities whose every page was indexed, in order: LiveIndex takes these as they are. */
  readonly indexed = new Set<RestoreEntity>();
  private readonly passes = new Map<RestoreEntity, EntityPass>();
  /** Entities this feed cannot index (their pages came before the marker fields were known). */
  private readonly skipped = new Set<RestoreEntity>();
  private markerFieldsRead = false;

  /** `sameText`: the entities a whole plan counts identical by text (PlanContext). */
  constructor(readonly sameText: ReadonlySet<RestoreEntity>) {
    this.records = new LiveRecords(true, sameText);
  }

  /** A page of an entity, as the live read received it: its records parsed and their JSON texts. */
  page(entity: CapturedEntity, items: readonly Json[], jsons: readonly string[]): void {
    // invariant: a live read feeds its pages before the plan takes what they made.
    if (!this.records) throw new Error('A page of a live read fed after planning took its index');
    if (entity === 'custom_fields') {
      for (const field of items) noteMarkerField(this.records.markerFieldIds, field as unknown as KeapCustomField);
      return;
    }
    const restoreEntity = entity as RestoreEntity;
    if (!this.records.sameTextOf.has(restoreEntity) || this.skipped.has(restoreEntity)) return;
    let pass = this.passes.get(restoreEntity);
    if (!pass) {
      const marked = entity in MARKER_RECORD_TYPES;
      if ((marked && !this.markerFieldsRead) || this.indexed.has(restoreEntity)) {
        this.skipped.add(restoreEntity);
        this.indexed.delete(restoreEntity);
        return;
      }
      this.passes.set(restoreEntity, (pass = this.records.pass(restoreEntity)));
    }
    const { idOf } = ENTITY_DEFS[entity];
    for (let i = 0; i < items.length; i++) pass.add(idOf(items[i]), jsons[i], items[i]);
  }

  /** Every page of the entity was received. */
  entityDone(entity: CapturedEntity): void {
    if (entity === 'custom_fields') this.markerFieldsRead = true;
    if (!this.records) return;
    const pass = this.passes.get(entity as RestoreEntity);
    if (!pass) return;
    pass.end();
    this.passes.delete(entity as RestoreEntity);
    this.indexed.add(entity as RestoreEntity);
  }

  /**
   * The records indexed, for the one LiveIndex that goes on to index the rest into them (a second
   * would find orders and payments listed twice).
   */
  take(): LiveRecords {
    const records = this.records;
    // invariant: a plan (planRestoreSpooled) takes a feed for the one plan it makes; a second taker is a bug.
    if (!records) throw new Error("A live read's feed indexes one plan; read the account again for another.");
    this.records = undefined;
    // An entity whose pages stopped before its end holds the records too.
    this.passes.clear();
    return records;
  }
}
