/**
 * Keap is the only state every run shares: other plans, other ledgers, other machines and people
 * typing in Keap's web app all meet there. So before the applier creates a record it asks the
 * guard, and the guard answers from Keap whether that record already exists since the plan read
 * the account:
 *
 * - restored: a live record carries this record's restore marker (another plan or ledger restored
 *   it): link to it, create nothing;
 * - same: a live record has its natural key (email, SKU, tag name, company name, field label),
 *   e.g. re-entered by hand: link to it;
 * - twin: an order without a marker, which the plan did not see, with the same contact, items and
 *   total (someone re-typed the lost order, whatever date they gave it): a conflict, not created.
 *
 * It is cheap: one changed-since list per entity, looked at again only when the last look at that
 * entity is older than `maxAgeMs` (not a read per record). "Since" is taken from the newest change
 * Keap itself reported (minus `skewMs`), so neither this machine's clock nor Keap's can make it
 * miss one. Other applies cannot run meanwhile (the machine's lock and the lease in Keap), so what
 * the guard sees change during an apply is people working in Keap; 30 s between looks is far
 * shorter than re-typing an order. Markers seen on two live records are reported as duplicates.
 */
import type { KeapClient } from '../keap/client';
import { filter } from '../keap/filter';
import type { Page } from '../keap/paging';
import { entityModule, isCapturedEntity, type CapturedEntity } from '../entities';
import type { CustomFieldRecordType } from '../model';
import { MODEL_TYPES } from '../entities/customFields';
import { MARKER_LABEL, MARKER_RECORD_TYPES, paymentNoteMarker, recordMarker, type MarkedEntity } from './marker';
import type { PlanStep, RestoreEntity, RestorePlan } from './planTypes';
import { orderSignature, liveOrderSignature } from './orderSignature';
import type { SnapshotDb } from '../snapshot/snapshotDb';

type Json = Record<string, unknown>;

/** How long a look at an entity is trusted before the guard looks again (see the header). */
export const GUARD_MAX_AGE_MS = 30_000;
/** How far before the last look a changed-since list reaches, for clock skew between Keap and us. */
export const GUARD_SKEW_MS = 120_000;

export type GuardVerdict = { kind: 'absent' } | { kind: 'restored' | 'same' | 'twin'; liveId: string; how: string };

export interface LiveGuardOptions {
  /** A view of an entity older than this is looked at again before a create (default 30 s). */
  maxAgeMs?: number;
  /** Changed-since lists reach back this far before the last look, for clock skew (default 2 min). */
  skewMs?: number;
  now?: () => number;
}

/** The entities the guard watches, and how Keap lists what changed in each since a time. */
type Watched = RestoreEntity & CapturedEntity;

interface View {
  /** Local time of the last look (ms), for `maxAgeMs`. */
  lookedAt: number;
  /** The newest change time Keap reported for the entity (its own clock). */
  newest?: number;
}

/** Keap's last-change time of each watched entity's records. */
export interface DuplicateMarker {
  entity: RestoreEntity;
  oldId: string;
  liveIds: string[];
}

export class LiveGuard {
  private readonly maxAgeMs: number;
  private readonly skewMs: number;
  private readonly now: () => number;
  private readonly views = new Map<Watched, View>();
  /** entity -> snapshot id (from markers) -> live ids carrying that marker. */
  private readonly markers = new Map<RestoreEntity, Map<string, Set<string>>>();
  /** entity -> natural key -> live id. */
  private readonly keys = new Map<RestoreEntity, Map<string, string>>();
  /** Unmarked orders by signature (at seed time only those of contacts the plan orders for). */
  private readonly twins = new Map<string, string[]>();
  private readonly planReadAt: number;
  /** Per entity, Keap's newest change time in the plan's read (ms), where the plan says. */
  private readonly planNewest = new Map<string, number>();
  private seeding?: { orderContacts: ReadonlySet<string> };
  /** Records this apply wrote itself: never a twin of anything. */
  private readonly own = new Set<string>();
  /** Custom field labels per record type (Keap lists fields only as a model per record type), and when read. */
  private readonly fieldModels = new Map<string, { lookedAt: number; ids: Map<string, string> }>();

  constructor(
    private readonly client: KeapClient,
    /** When the plan read the account, and the newest change Keap reported then per entity. */
    planRead: Pick<RestorePlan['live'], 'readAt' | 'newest'>,
    /** The live id of the marker field per record type (it may be created during the apply). */
    private readonly markerFieldId: (recordType: string) => string | undefined,
    options: LiveGuardOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? GUARD_MAX_AGE_MS;
    this.skewMs = options.skewMs ?? GUARD_SKEW_MS;
    this.now = options.now ?? Date.now;
    this.planReadAt = Date.parse(planRead.readAt);
    for (const [entity, at] of Object.entries(planRead.newest ?? {})) {
      const ms = Date.parse(at);
      if (!Number.isNaN(ms)) this.planNewest.set(entity, ms);
    }
  }

  /**
   * Starts from a complete read of the account taken at `readAt` (apply's stale check reads one),
   * for the entities the plan creates.
   */
  seed(live: SnapshotDb, readAt: string, entities: Iterable<RestoreEntity>, orderContacts: ReadonlySet<string>): void {
    const lookedAt = Date.parse(readAt);
    this.seeding = { orderContacts };
    try {
      for (const entity of new Set(entities)) {
        if (entity === 'custom_fields') this.seedFieldModels(live, lookedAt);
        if (!isWatched(entity)) continue;
        const view: View = { lookedAt };
        this.views.set(entity, view);
        for (const row of live.rows(entity)) this.observe(entity, JSON.parse(row.json) as Json, view);
      }
    } finally {
      this.seeding = undefined;
    }
  }

  /** A record this apply created or linked: it is the step's, so it is no twin of another. */
  noteOwn(entity: RestoreEntity, liveId: string): void {
    this.own.add(`${entity}:${liveId}`);
  }

  /** What Keap holds now for a create step, looking again when the last look is too old. */
  async check(step: PlanStep, body: Json): Promise<GuardVerdict> {
    const entity = step.entity;
    if (entity === 'custom_fields') return this.checkCustomField(step, body);
    if (entity === 'subscription_plans' || entity === 'contact_tags' || !isWatched(entity)) return { kind: 'absent' };
    await this.refresh(entity);
    const marked = [...(this.markers.get(entity)?.get(step.oldId) ?? [])];
    if (marked.length)
      return {
        kind: 'restored',
        liveId: marked[0],
        how: `${entity} ${marked[0]} in the account carries this record's restore marker (restored by another plan or ledger)`,
      };
    // A create body names its record's keys as Keap's JSON does (email_addresses, sku, name…).
    const key = naturalKeysOfRecord(entity, body)[0];
    const byKey = key ? this.keys.get(entity)?.get(key) : undefined;
    if (byKey)
      return {
        kind: 'same',
        liveId: byKey,
        how: `${entity} ${byKey} appeared in the account since the plan with the same ${naturalKeyName(entity)}`,
      };
    if (entity === 'orders') {
      const twin = (this.twins.get(orderSignature(body)) ?? []).find(
        (id) => !this.own.has(`orders:${id}`) && !step.lookAlikes?.includes(id),
      );
      if (twin)
        return {
          kind: 'twin',
          liveId: twin,
          how: `order ${twin} was created in the account since the plan with the same contact, items and total: it may be this order re-entered by hand`,
        };
    }
    return { kind: 'absent' };
  }

  /** Snapshot records that two live records claim to restore (a race the guard's window let through). */
  duplicates(): DuplicateMarker[] {
    const out: DuplicateMarker[] = [];
    for (const [entity, byOld] of this.markers)
      for (const [oldId, ids] of byOld) if (ids.size > 1) out.push({ entity, oldId, liveIds: [...ids] });
    return out;
  }

  /**
   * Takes in a read of what changed in Keap since the apply started (verification's), so that
   * `duplicates()` includes the latest creates without a look of its own.
   */
  observeRead(live: SnapshotDb, entities: Iterable<RestoreEntity>): void {
    for (const entity of new Set(entities)) {
      if (!isWatched(entity)) continue;
      const view = this.views.get(entity) ?? { lookedAt: -Infinity };
      this.views.set(entity, view);
      for (const row of live.rows(entity)) this.observe(entity, JSON.parse(row.json) as Json, view);
    }
  }

  // ------------------------------------------------------------------ looking

  private async refresh(entity: Watched, force = false): Promise<void> {
    const view = this.views.get(entity) ?? { lookedAt: -Infinity };
    const started = this.now();
    if (!force && started - view.lookedAt < this.maxAgeMs) return;
    // Keap's clock, not this machine's: the newest change seen since, else the newest in the plan's
    // read (a record made after that read changed later, whatever the clocks say); older plans: its time.
    const since = new Date(Math.max(0, (view.newest ?? this.planNewest.get(entity) ?? this.planReadAt) - this.skewMs)).toISOString();
    for await (const record of this.changedSince(entity, since)) this.observe(entity, record, view);
    view.lookedAt = started;
    this.views.set(entity, view);
  }

  /**
   * Records of `entity` changed since `since`, the cheapest way Keap offers: its module's "changed
   * since" filter, else its list newest first, read until the records are older than `since`.
   */
  private async *changedSince(entity: Watched, since: string): AsyncGenerator<Json> {
    const module = entityModule(entity);
    if (module.changedSince) {
      yield* items(module.pages(this.client, { filter: filter(module.changedSince, '==', since) }));
      return;
    }
    const { orderBy, timeField } = module.newestFirst!;
    yield* newestUntil(items(module.pages(this.client, { query: { order_by: orderBy } })), timeField, since);
  }

  private observe(entity: Watched, r: Json, view: View): void {
    const id = String(r.id);
    const changed = Date.parse(String(r[entityModule(entity).changeTime ?? 'update_time'] ?? ''));
    if (changed > (view.newest ?? -Infinity)) view.newest = changed;
    const oldId =
      entity === 'payments'
        ? paymentNoteMarker(r.note)
        : isMarked(entity)
          ? recordMarker(r as never, this.markerFieldId(MARKER_RECORD_TYPES[entity]))
          : undefined;
    if (oldId) {
      let byOld = this.markers.get(entity);
      if (!byOld) this.markers.set(entity, (byOld = new Map()));
      let ids = byOld.get(oldId);
      if (!ids) byOld.set(oldId, (ids = new Set()));
      ids.add(id);
    }
    for (const key of naturalKeysOfRecord(entity, r)) {
      let keys = this.keys.get(entity);
      if (!keys) this.keys.set(entity, (keys = new Map()));
      if (!keys.has(key)) keys.set(key, id);
    }
    const contact = String((r.contact as Json | undefined)?.id ?? '');
    if (entity === 'orders' && !oldId && (!this.seeding || this.seeding.orderContacts.has(contact))) {
      const signature = liveOrderSignature(r);
      const list = this.twins.get(signature) ?? [];
      if (!list.includes(id)) this.twins.set(signature, [...list, id]);
    }
  }

  /** The read that seeds the guard read every record type's model: a field check soon after needs no other. */
  private seedFieldModels(live: SnapshotDb, lookedAt: number): void {
    // Every model was read, those without a field too.
    for (const type of MODEL_TYPES) this.fieldModels.set(type, { lookedAt, ids: new Map() });
    for (const row of live.rows('custom_fields')) {
      const field = JSON.parse(row.json) as Json;
      const type = String(field.record_type ?? '');
      const model = this.fieldModels.get(type) ?? { lookedAt, ids: new Map<string, string>() };
      if (typeof field.label === 'string') model.ids.set(field.label, String(field.id));
      this.fieldModels.set(type, model);
    }
  }

  /** A model of `recordType` read at `lookedAt` (the apply's start): field checks soon after need no other. */
  seedFieldModel(recordType: string, fields: readonly { id: string; label?: string }[], lookedAt: number): void {
    const ids = new Map<string, string>();
    for (const f of fields) if (f.label) ids.set(f.label, f.id);
    this.fieldModels.set(recordType, { lookedAt, ids });
  }

  private async checkCustomField(step: PlanStep, body: Json): Promise<GuardVerdict> {
    const type = String(step.recordType);
    const started = this.now();
    let model = this.fieldModels.get(type);
    if (!model || started - model.lookedAt >= this.maxAgeMs) {
      this.seedFieldModel(type, (await this.client.customFields.model(type as CustomFieldRecordType)).custom_fields, started);
      model = this.fieldModels.get(type)!;
    }
    const liveId = typeof body.label === 'string' ? model.ids.get(body.label) : undefined;
    if (!liveId) return { kind: 'absent' };
    const how =
      body.label === MARKER_LABEL
        ? 'the restore marker field was created by another run'
        : 'a field with this label appeared in the account since the plan';
    return { kind: 'same', liveId, how };
  }
}

/** What the guard can watch: an entity Keap lists by change, with a time to read up to. */
function isWatched(entity: RestoreEntity): entity is Watched {
  if (!isCapturedEntity(entity)) return false;
  const module = entityModule(entity);
  return module.changeTime !== undefined && (module.changedSince !== undefined || module.newestFirst !== undefined);
}

function isMarked(entity: RestoreEntity): entity is MarkedEntity {
  return entity in MARKER_RECORD_TYPES;
}

async function* newestUntil(source: AsyncGenerator<Json>, timeField: string, since: string): AsyncGenerator<Json> {
  const limit = Date.parse(since);
  for await (const record of source) {
    if (Date.parse(String(record[timeField] ?? '')) < limit) return;
    yield record;
  }
}

function naturalKeyName(entity: RestoreEntity): string {
  return (isCapturedEntity(entity) && entityModule(entity).naturalKey?.name) || 'key';
}

/** The natural keys a live record (or a create body) can be found by (the same the planner matches on). */
function naturalKeysOfRecord(entity: RestoreEntity, r: Json): string[] {
  return (isCapturedEntity(entity) && entityModule(entity).naturalKey?.of(r)) || [];
}

async function* items<T>(pages: AsyncGenerator<Page<T>>): AsyncGenerator<T> {
  for await (const page of pages) yield* page.items;
}
