/**
 * The planner: snapshot (the desired past state) + the live account read fresh + the ledger of
 * earlier restores -> one action per record, in dependency order. Nothing is written here.
 *
 * How a snapshot record is found in live, in this order: the ledger's id map (restored earlier),
 * the restore marker custom field (restored earlier, even if the ledger was lost), the same id (it
 * still exists), a natural key (email, SKU, tag name, company name). Orders have no natural key:
 * a live order of the same contact with the same date, items and total is a likely duplicate, a
 * conflict the user decides on. Never deletes.
 */
import { randomUUID } from 'node:crypto';
import type {
  KeapCampaign,
  KeapCompany,
  KeapContact,
  KeapCustomField,
  KeapOrder,
  KeapOrderItem,
  KeapPayment,
  KeapProduct,
  KeapSubscription,
  KeapTag,
} from '../model';
import { getRecord } from '../snapshot/query';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { LiveIndex, projectionHash } from './liveIndex';
import { LEASE_TAG_NAME } from './accountLease';
import { notRestorableSummary, unknownFields, writeNameOf } from './fields';
import { recordMarker } from './marker';
import { liveOrderSignature } from './orderSignature';
import {
  comparable,
  companyPayload,
  contactPayload,
  customFieldPayload,
  MARKER_LABEL,
  markerValue,
  orderPayload,
  paymentPayload,
  planPayload,
  productPayload,
  subscriptionPayload,
  tagPayload,
  type Payload,
} from './payloads';
import {
  fingerprintOf,
  headlineOf,
  PLAN_FORMAT_VERSION,
  RESTORE_ORDER,
  type FieldChangeView,
  type IdReference,
  type PlanOptions,
  type PlanStep,
  type ReasonCode,
  type RestoreEntity,
  type RestorePlan,
} from './plan';

export interface PlanInput {
  snapshot: SnapshotDb;
  live: SnapshotDb;
  liveReadAt: string;
  account: string;
  apiBaseUrl: string;
  /** The ledger's id map: where an earlier restore put a snapshot record. */
  idMap?: (entity: RestoreEntity, oldId: string) => string | undefined;
  options?: PlanOptions;
  /** The account's today (YYYY-MM-DD), for subscriptions. */
  today?: string;
  /** Where the snapshot file is, recorded in the plan for apply's verification. */
  snapshotFile?: string;
}

export class PlanError extends Error {}

type Json = Record<string, unknown>;

/** Where a snapshot record stands in live after planning. */
type Resolution = { state: 'live'; liveId: string } | { state: 'step'; stepId: string } | { state: 'missing'; why: string };

const SIDE_EFFECTS = {
  contact: 'Creating a contact can start automations that trigger on new contacts.',
  order: 'Orders restored through the API are created with source API; Keap may send invoices if the account is set to.',
  payment:
    'The first payment on an API-created order satisfies Keap\'s "Purchase" automation triggers (automations, receipts, commissions).',
  tag: 'Applying a tag can start the campaign sequences that listen for it.',
};

export function planRestore(input: PlanInput): RestorePlan {
  return new Planner(input).plan();
}

class Planner {
  private readonly live: LiveIndex;
  private readonly snap: SnapshotDb;
  private readonly options: PlanOptions;
  private readonly steps = new Map<string, PlanStep>();
  private readonly resolutions = new Map<string, Resolution>();
  private readonly liveDeps = new Map<string, { entity: RestoreEntity; id: string }>();
  /** Hashes of live records already projected while comparing (the same a stale check computes). */
  private readonly liveHashes = new Map<string, string>();
  private readonly warnings = new Set<string>();
  private readonly selected: Set<string> | undefined;

  constructor(private readonly input: PlanInput) {
    this.snap = input.snapshot;
    this.live = new LiveIndex(input.live);
    this.options = { updateExisting: false, missingParent: 'create', subscriptionsStartToday: false, ...input.options };
    this.selected = this.selection();
  }

  plan(): RestorePlan {
    const snapMeta = this.snap.meta();
    if (snapMeta.account && snapMeta.account !== this.input.account) {
      this.warnings.add(`The snapshot is of account ${snapMeta.account}; restoring into ${this.input.account}.`);
    }
    for (const entity of RESTORE_ORDER) this.planEntity(entity);
    this.warnings.add('Transactions are not restored as such: Keap records one for every payment a restore records.');
    const steps = this.ordered();
    for (const step of steps) for (const effect of step.sideEffects ?? []) this.warnings.add(effect);
    this.fieldWarnings(steps);
    const records = [...this.liveDeps.values()]
      .map(({ entity, id }) => ({ entity, id, hash: this.liveHashes.get(`${entity}:${id}`) ?? this.live.hash(entity, id)! }))
      .filter((r) => r.hash);
    return {
      formatVersion: PLAN_FORMAT_VERSION,
      planId: randomUUID(),
      createdAt: new Date().toISOString(),
      account: this.input.account,
      apiBaseUrl: this.input.apiBaseUrl,
      snapshot: {
        snapshotId: snapMeta.snapshotId,
        checksum: snapMeta.checksum,
        finishedAt: snapMeta.finishedAt,
        account: snapMeta.account,
        file: this.input.snapshotFile,
      },
      live: {
        readAt: this.input.liveReadAt,
        fingerprint: fingerprintOf(records as RestorePlan['live']['records']),
        records: records as RestorePlan['live']['records'],
        hashes: 'restorable-fields',
      },
      options: this.options,
      markerLabel: MARKER_LABEL,
      headline: headlineOf(steps),
      warnings: [...this.warnings],
      steps,
    };
  }

  /**
   * Says once per entity what a restored record does not get back (Keap sets it), and names any
   * field of the snapshot that Keap Vault does not know how to write, instead of dropping it.
   */
  private fieldWarnings(steps: PlanStep[]): void {
    const created = new Map<RestoreEntity, number>();
    for (const s of steps)
      if (s.action === 'create' && !s.oldId.startsWith('marker:')) created.set(s.entity, (created.get(s.entity) ?? 0) + 1);
    for (const [entity, count] of created) {
      const summary = notRestorableSummary(entity);
      if (summary) this.warnings.add(`Restored ${entity} (${count}) get ${summary}.`);
      const unknown = new Set<string>();
      for (const s of steps)
        if (s.entity === entity && s.action === 'create')
          for (const f of unknownFields(entity, this.snapRecord(entity, s.oldId) ?? {})) unknown.add(f);
      if (unknown.size)
        this.warnings.add(
          `${entity}: the snapshot has field(s) Keap Vault cannot write, which restored records will lack: ${[...unknown].join(', ')}.`,
        );
    }
  }

  // ------------------------------------------------------------------ selection

  /** Keys (`entity:id`) chosen by the user, or undefined for the whole snapshot. */
  private selection(): Set<string> | undefined {
    const { records, entities } = this.options;
    if (!records?.length && !entities?.length) return undefined;
    const chosen = new Set<string>();
    for (const key of records ?? []) {
      const [entity, id] = splitKey(key);
      if (!(RESTORE_ORDER as readonly string[]).includes(entity) || !this.snapRecord(entity as RestoreEntity, id)) {
        throw new PlanError(`No ${entity} with id ${id} in the snapshot`);
      }
      chosen.add(key);
      // An order comes with its payments; a contact with its tags.
      if (entity === 'orders')
        for (const p of this.snap.all<{ id: string }>('SELECT id FROM payments WHERE order_id = ?', [id])) chosen.add(`payments:${p.id}`);
      if (entity === 'contacts')
        for (const t of this.snap.all<{ tag_id: string }>('SELECT tag_id FROM contact_tags WHERE contact_id = ?', [id]))
          chosen.add(`contact_tags:${t.tag_id}`);
    }
    for (const entity of entities ?? []) {
      if (!(RESTORE_ORDER as readonly string[]).includes(entity))
        throw new PlanError(`Cannot restore '${entity}'; restorable: ${RESTORE_ORDER.join(', ')}`);
      if (entity === 'contact_tags') {
        for (const t of this.snap.all<{ tag_id: string }>('SELECT DISTINCT tag_id FROM contact_tags'))
          chosen.add(`contact_tags:${t.tag_id}`);
      } else {
        for (const row of this.snap.all<{ id: string }>(`SELECT DISTINCT id FROM ${entity}`)) chosen.add(`${entity}:${row.id}`);
      }
    }
    return chosen;
  }

  private isSelected(entity: RestoreEntity, id: string): boolean {
    return !this.selected || this.selected.has(`${entity}:${id}`);
  }

  // ------------------------------------------------------------------ per entity

  private planEntity(entity: RestoreEntity): void {
    switch (entity) {
      case 'custom_fields':
        for (const f of this.snapRecords<KeapCustomField>('custom_fields'))
          if (f.label !== MARKER_LABEL && this.isSelected(entity, f.id)) this.resolve('custom_fields', f.id);
        return;
      case 'contact_tags':
        for (const row of this.snap.all<{ tag_id: string }>('SELECT DISTINCT tag_id FROM contact_tags ORDER BY rowid')) {
          if (this.isSelected('contact_tags', row.tag_id)) this.planTagAssignments(row.tag_id);
        }
        return;
      case 'subscription_plans':
        for (const row of this.snap.all<{ id: string }>('SELECT DISTINCT id FROM subscription_plans ORDER BY rowid'))
          if (this.isSelected(entity, row.id)) this.resolve(entity, row.id);
        return;
      case 'tags':
        // A snapshot taken while a restore ran holds its lease tag: that is no data to restore.
        for (const row of this.snap.all<{ id: string; json: string }>('SELECT id, json FROM tags ORDER BY rowid')) {
          if ((JSON.parse(row.json) as KeapTag).name !== LEASE_TAG_NAME && this.isSelected(entity, row.id)) this.resolve(entity, row.id);
        }
        return;
      default:
        for (const row of this.snap.all<{ id: string }>(`SELECT DISTINCT id FROM ${entity} ORDER BY rowid`))
          if (this.isSelected(entity, row.id)) this.resolve(entity, row.id);
    }
  }

  /**
   * Where a snapshot record will be once the plan runs, planning its step on first use. Parents are
   * resolved before children, so a child's references are known when its step is made.
   */
  private resolve(entity: RestoreEntity, oldId: string, pulledIn = false): Resolution {
    const key = `${entity}:${oldId}`;
    const known = this.resolutions.get(key);
    if (known) return known;
    this.resolutions.set(key, { state: 'missing', why: 'in progress' }); // guards reference cycles
    const resolution = this.decide(entity, oldId, pulledIn);
    this.resolutions.set(key, resolution);
    return resolution;
  }

  private decide(entity: RestoreEntity, oldId: string, pulledIn: boolean): Resolution {
    if (entity === 'custom_fields' && oldId.startsWith('marker:')) return this.markerField(oldId.slice('marker:'.length));
    const record = this.snapRecord(entity, oldId);
    if (!record) {
      const liveId = this.live.has(entity, oldId) ? oldId : undefined;
      if (liveId) return this.useLive(entity, liveId);
      return { state: 'missing', why: `${entity} ${oldId} is in neither the snapshot nor the account` };
    }
    switch (entity) {
      case 'custom_fields':
        return this.planCustomField(record as unknown as KeapCustomField, pulledIn);
      case 'tags':
        return this.planSimple(
          'tags',
          record,
          pulledIn,
          () => this.live.byNaturalKey('tags', String(record.name ?? '').toLowerCase()),
          tagPayload(record as unknown as KeapTag),
          `Tag ${quote(record.name)}`,
        );
      case 'companies':
        return this.planSimple(
          'companies',
          record,
          pulledIn,
          () => this.live.byNaturalKey('companies', String(record.company_name ?? '').toLowerCase()),
          companyPayload(record as KeapCompany, 'marker:COMPANY'),
          `Company ${quote(record.company_name)}`,
        );
      case 'contacts':
        return this.planContact(record as KeapContact, pulledIn);
      case 'products':
        return this.planSimple(
          'products',
          record,
          pulledIn,
          () => (record.sku ? this.live.byNaturalKey('products', String(record.sku)) : undefined),
          productPayload(record as KeapProduct),
          `Product ${quote(record.name)}${record.sku ? ` (${String(record.sku)})` : ''}`,
        );
      case 'subscription_plans':
        return this.planSubscriptionPlan(oldId, record, pulledIn);
      case 'orders':
        return this.planOrder(record as KeapOrder, pulledIn);
      case 'payments':
        return this.planPayment(record as KeapPayment, pulledIn);
      case 'subscriptions':
        return this.planSubscription(record as KeapSubscription, pulledIn);
      case 'campaigns':
        return this.planCampaign(record as KeapCampaign, pulledIn);
      default:
        return { state: 'missing', why: `${entity} cannot be restored` };
    }
  }

  /** A live match (ledger, marker, same id, natural key) of a snapshot record. */
  private findLive(
    entity: RestoreEntity,
    oldId: string,
    naturalKey?: () => string | undefined,
  ): { liveId: string; reason: ReasonCode; how: string } | undefined {
    const fromLedger = this.input.idMap?.(entity, oldId);
    if (fromLedger && this.live.has(entity, fromLedger))
      return { liveId: fromLedger, reason: 'restored-earlier', how: `restored earlier as ${fromLedger}` };
    const marked = this.live.byRestoreMarker(entity, oldId);
    if (marked) return { liveId: marked, reason: 'restored-earlier', how: `restored earlier as ${marked} (marker)` };
    if (this.live.has(entity, oldId)) return { liveId: oldId, reason: 'identical', how: 'same id' };
    const byKey = naturalKey?.();
    if (byKey) return { liveId: byKey, reason: 'matched-by-key', how: `matches live ${entity} ${byKey}` };
    return undefined;
  }

  private planSimple(
    entity: RestoreEntity,
    record: Json,
    pulledIn: boolean,
    naturalKey: () => string | undefined,
    payload: Payload,
    label: string,
  ): Resolution {
    const oldId = String(record.id);
    const refs = parentRefs(payload.refs);
    const deps = refs.map((r) => this.resolve(r.entity, r.oldId, true));
    const found = this.findLive(entity, oldId, naturalKey);
    if (found) return this.existing(entity, record, found, pulledIn, label, payload);
    const blocked = this.blockedBy(refs, deps);
    if (blocked) return this.addStep({ entity, oldId, action: 'blocked', reason: blocked.reason, detail: blocked.detail, label, pulledIn });
    return this.addStep({
      entity,
      oldId,
      action: 'create',
      reason: 'missing-in-live',
      detail: `${label} is not in the account: create it (Keap gives it a new id)`,
      label,
      pulledIn,
      payload: payload.body,
      refs: payload.refs,
      dependsOn: this.stepDeps(deps),
    });
  }

  /**
   * A snapshot record that live has: skip when identical; update when asked; and, always, point
   * references that lead to a record gone from the account at its restored counterpart (relink).
   * Anything else that differs is a skip that says what differs and how to include it.
   */
  private existing(
    entity: RestoreEntity,
    record: Json,
    found: { liveId: string; reason: ReasonCode; how: string },
    pulledIn: boolean,
    label: string,
    payload?: Payload,
  ): Resolution {
    const oldId = String(record.id);
    this.dependOnLive(entity, found.liveId);
    const liveRecord = this.live.record<Json>(entity, found.liveId)!;
    const want = comparable(entity, record, (e, id) => this.liveIdOf(e as RestoreEntity, id));
    const have = this.live.projection(entity, liveRecord);
    this.liveHashes.set(`${entity}:${found.liveId}`, projectionHash(have));
    const changes = diffFields(want, have);
    const base = { entity, oldId, liveId: found.liveId, label, pulledIn };
    if (!changes.length)
      return this.addStep(
        { ...base, action: 'skip', reason: found.reason, detail: `${label}: in the account (${found.how}), identical` },
        found.liveId,
      );
    const relinks = changes.filter(isRelink);
    const chosen = this.options.updateExisting && entity !== 'tags' ? changes : relinks;
    const update = payload
      ? updateOf(entity, payload, chosen, (liveRecord.order_items as KeapOrderItem[] | undefined) ?? [], !this.options.updateExisting)
      : undefined;
    const left = changes.filter((c) => !chosen.includes(c) || update?.unsent.includes(c.path));
    if (update && (Object.keys(update.body).length || update.itemPatches.length)) {
      const relinkOnly = !this.options.updateExisting;
      const why = relinkOnly
        ? `points at ${relinks.length === 1 ? 'a record' : 'records'} this plan restores under new ids: relink${left.length ? `; ${left.length} other field(s) differ and are not updated (--update-existing)` : ''}`
        : `${changes.length} field(s) different: update${left.length ? ` (${left.map((c) => c.path).join(', ')} cannot be updated through Keap's API)` : ''}`;
      return this.addStep(
        {
          ...base,
          action: 'update',
          reason: relinkOnly ? 'relink' : 'differs',
          detail: `${label}: in the account (${found.how}) ${why}`,
          payload: update.body,
          refs: update.refs,
          changes,
          itemPatches: update.itemPatches.length ? update.itemPatches : undefined,
          dependsOn: this.stepDeps(update.refs.filter((r) => !isMarkerRef(r)).map((r) => this.resolve(r.entity, r.oldId, true))),
        },
        found.liveId,
      );
    }
    const hint = this.options.updateExisting
      ? "; Keap's API cannot change them"
      : '; not updated (plan with --update-existing to update them)';
    return this.addStep(
      {
        ...base,
        action: 'skip',
        reason: 'present-differs',
        detail: `${label}: in the account (${found.how}) but ${changes.length} field(s) differ${hint}`,
        changes,
      },
      found.liveId,
    );
  }

  private planContact(contact: KeapContact, pulledIn: boolean): Resolution {
    const email = (contact.email_addresses ?? []).map((e) => e.email.toLowerCase());
    const name = [contact.given_name, contact.family_name].filter(Boolean).join(' ') || email[0] || `contact ${contact.id}`;
    const payload = contactPayload(contact, 'marker:CONTACT');
    const result = this.planSimple(
      'contacts',
      contact,
      pulledIn,
      () => email.map((e) => this.live.byNaturalKey('contacts', e)).find(Boolean),
      payload,
      `Contact ${quote(name)}`,
    );
    this.addSideEffect(result, SIDE_EFFECTS.contact);
    return result;
  }

  private planCustomField(field: KeapCustomField, pulledIn: boolean): Resolution {
    const liveId = this.live.byNaturalKey('custom_fields', `${field.record_type}:${field.label}`);
    const label = `Custom field ${quote(field.label)} (${String(field.record_type).toLowerCase()})`;
    if (liveId) {
      this.dependOnLive('custom_fields', liveId);
      return this.addStep(
        {
          entity: 'custom_fields',
          oldId: field.id,
          liveId,
          action: 'skip',
          reason: liveId === field.id ? 'identical' : 'matched-by-key',
          detail: `${label}: in the account`,
          label,
          pulledIn,
        },
        liveId,
      );
    }
    return this.addStep({
      entity: 'custom_fields',
      oldId: field.id,
      action: 'create',
      reason: 'missing-in-live',
      detail: `${label}: not in the account, create it`,
      label,
      pulledIn,
      recordType: field.record_type,
      payload: customFieldPayload(field),
    });
  }

  /** The custom field that marks restored records: created as a visible step when the account lacks it. */
  private markerField(recordType: string): Resolution {
    const liveId = this.live.markerFieldIds.get(recordType);
    if (liveId) {
      // A step of its own (not a bare live reference): the records written carry `marker:TYPE` in
      // their references, and apply finds the field's live id through this step.
      this.dependOnLive('custom_fields', liveId);
      return this.addStep(
        {
          entity: 'custom_fields',
          oldId: `marker:${recordType}`,
          liveId,
          action: 'skip',
          reason: 'restored-earlier',
          recordType,
          label: `${MARKER_LABEL} (${recordType.toLowerCase()})`,
          detail: `The custom field "${MARKER_LABEL}" on ${recordType.toLowerCase()}s is in the account (field ${liveId}): restored records are marked there`,
        },
        liveId,
      );
    }
    return this.addStep({
      entity: 'custom_fields',
      oldId: `marker:${recordType}`,
      action: 'create',
      reason: 'marker-field-missing',
      recordType,
      label: `${MARKER_LABEL} (${recordType.toLowerCase()})`,
      detail: `Create the text custom field "${MARKER_LABEL}" on ${recordType.toLowerCase()}s: restored records carry their id from the snapshot there, so a re-run or a resume recognises them`,
      payload: { label: MARKER_LABEL, field_type: 'TEXT' },
    });
  }

  private planSubscriptionPlan(oldId: string, _record: Json, pulledIn: boolean): Resolution {
    const row = this.snap.all<{ product_id: string; json: string }>(
      'SELECT product_id, json FROM subscription_plans WHERE id = ? LIMIT 1',
      [oldId],
    )[0];
    const plan = JSON.parse(row.json) as NonNullable<KeapProduct['subscription_plans']>[number];
    const product = this.resolve('products', row.product_id, true);
    const label = `Plan ${oldId} of product ${row.product_id}`;
    if (product.state === 'live') {
      const livePlan = this.livePlanMatching(product.liveId, oldId, plan);
      if (livePlan)
        return this.addStep(
          {
            entity: 'subscription_plans',
            oldId,
            liveId: livePlan,
            action: 'skip',
            reason: livePlan === oldId ? 'identical' : 'matched-by-key',
            detail: `${label}: in the account`,
            label,
            pulledIn,
          },
          livePlan,
        );
    }
    const payload = planPayload(plan, row.product_id);
    const blocked = this.blockedBy(payload.refs, [product]);
    if (blocked)
      return this.addStep({
        entity: 'subscription_plans',
        oldId,
        action: 'blocked',
        reason: blocked.reason,
        detail: blocked.detail,
        label,
        pulledIn,
      });
    return this.addStep({
      entity: 'subscription_plans',
      oldId,
      action: 'create',
      reason: 'missing-in-live',
      detail: `${label}: create it on the product`,
      label,
      pulledIn,
      payload: payload.body,
      refs: payload.refs,
      dependsOn: this.stepDeps([product]),
    });
  }

  private livePlanMatching(
    liveProductId: string,
    oldId: string,
    plan: NonNullable<KeapProduct['subscription_plans']>[number],
  ): string | undefined {
    const plans = this.input.live.all<{ id: string; json: string }>('SELECT id, json FROM subscription_plans WHERE product_id = ?', [
      liveProductId,
    ]);
    const same =
      plans.find((p) => p.id === oldId) ??
      plans.find((p) => {
        const live = JSON.parse(p.json) as typeof plan;
        return (
          live.billing_cycle === plan.billing_cycle &&
          live.billing_frequency === plan.billing_frequency &&
          live.plan_price?.amount === plan.plan_price?.amount
        );
      });
    if (same) this.dependOnLive('subscription_plans', same.id);
    return same?.id;
  }

  private planOrder(order: KeapOrder, pulledIn: boolean): Resolution {
    const payload = orderPayload(order, 'marker:ORDER');
    const label = `Order ${order.id}${order.title ? ` ${quote(order.title)}` : ''}`;
    const refs = parentRefs(payload.refs);
    const deps = refs.map((r) => this.resolve(r.entity, r.oldId, true));
    const found = this.findLive('orders', order.id);
    if (found) return this.existing('orders', order, found, pulledIn, label, payload);
    const blocked = this.blockedBy(refs, deps);
    if (blocked)
      return this.addStep({
        entity: 'orders',
        oldId: order.id,
        action: 'blocked',
        reason: blocked.reason,
        detail: blocked.detail,
        label,
        pulledIn,
      });
    const resolution = this.input.options?.resolutions?.[`orders:${order.id}`];
    const lookAlikes = this.liveLookAlikes(order);
    const duplicate = this.liveDuplicateOf(order, lookAlikes);
    if (duplicate && resolution === 'link') {
      this.dependOnLive('orders', duplicate);
      return this.addStep(
        {
          entity: 'orders',
          oldId: order.id,
          liveId: duplicate,
          action: 'skip',
          reason: 'linked-by-choice',
          label,
          pulledIn,
          detail: `${label}: you chose to treat live order ${duplicate} as this order; apply records ${order.id} -> ${duplicate} in the id map and its payments are matched against ${duplicate}`,
        },
        duplicate,
      );
    }
    if (duplicate && resolution !== 'create') {
      this.dependOnLive('orders', duplicate);
      return this.addStep({
        entity: 'orders',
        oldId: order.id,
        liveId: duplicate,
        action: 'conflict',
        reason: 'likely-duplicate',
        label,
        pulledIn,
        detail: `${label}: live order ${duplicate} has the same contact, items and total${this.snapRecord('orders', duplicate) ? ' and date' : ' and was made after the snapshot (re-entered by hand?)'}. Creating it could duplicate the order: decide whether ${duplicate} is this order`,
      });
    }
    const retyped = payload.retypedItems ? ` (${payload.retypedItems} item(s) of a type Keap cannot create are written as OTHER)` : '';
    return this.addStep({
      entity: 'orders',
      oldId: order.id,
      action: 'create',
      reason: duplicate ? 'created-by-choice' : 'missing-in-live',
      label,
      pulledIn,
      lookAlikes: lookAlikes.length ? lookAlikes.map((o) => o.id) : undefined,
      detail: `${duplicate ? `${label}: you chose to create it although live order ${duplicate} looks the same. ` : ''}${label} is not in the account: create it with its ${order.order_items?.length ?? 0} item(s), dated ${order.order_time ?? 'as in the snapshot'} (Keap gives it a new order id and invoice id)${retyped}`,
      payload: payload.body,
      refs: payload.refs,
      dependsOn: this.stepDeps(deps),
      sideEffects: [SIDE_EFFECTS.order],
    });
  }

  /**
   * A live order that may be this one: same (mapped) contact, items and total, and either the same
   * date, or not in the snapshot and not written by a restore, i.e. made after the snapshot, as
   * when someone re-types a lost order with today's date. (A look-alike that is in the snapshot is
   * a purchase of its own, e.g. the same product every month.)
   */
  private liveDuplicateOf(order: KeapOrder, lookAlikes: KeapOrder[]): string | undefined {
    const at = order.order_time ? Date.parse(order.order_time) : NaN;
    const sameDate = lookAlikes.find((live) => (live.order_time ? Date.parse(live.order_time) : NaN) === at);
    const madeSince = lookAlikes.find(
      (live) => !this.snapRecord('orders', live.id) && !recordMarker(live, this.live.markerFieldIds.get('ORDER')),
    );
    return (sameDate ?? madeSince)?.id;
  }

  /** Live orders of the same (mapped) contact with the same items and total, whatever their date. */
  private liveLookAlikes(order: KeapOrder): KeapOrder[] {
    const contact = order.contact?.id ? this.liveIdOf('contacts', order.contact.id) : undefined;
    if (!contact || contact.startsWith('new:')) return [];
    const mapped = {
      contact: { id: contact },
      order_items: (order.order_items ?? []).map((i) => ({
        ...i,
        product: i.product?.id ? { id: this.liveIdOf('products', i.product.id) ?? `missing:${i.product.id}` } : undefined,
      })),
    };
    const mine = liveOrderSignature(mapped);
    return this.live.ordersOf(contact).filter((live) => liveOrderSignature(live as unknown as Json) === mine);
  }

  private planPayment(payment: KeapPayment, pulledIn: boolean): Resolution {
    const orderOldId = payment.order_ids?.[0];
    const label = `Payment ${payment.id} of ${formatMoney(payment.amount)}${orderOldId ? ` on order ${orderOldId}` : ''}`;
    if (!orderOldId || !this.snapRecord('orders', orderOldId)) {
      const liveOrder = orderOldId && this.live.has('orders', orderOldId) ? orderOldId : undefined;
      if (!liveOrder)
        return this.addStep({
          entity: 'payments',
          oldId: payment.id,
          action: 'blocked',
          reason: 'parent-missing',
          label,
          pulledIn,
          detail: `${label}: its order is in neither the snapshot nor the account`,
        });
    }
    const order = this.resolve('orders', orderOldId!, true);
    if (order.state === 'live') {
      const match = this.livePaymentMatching(order.liveId, payment);
      if (match) {
        this.dependOnLive('payments', match.id);
        return this.addStep(
          {
            entity: 'payments',
            oldId: payment.id,
            liveId: match.id,
            action: 'skip',
            reason: match.id === payment.id ? 'identical' : match.marked ? 'restored-earlier' : 'matched-by-key',
            label,
            pulledIn,
            detail: `${label}: recorded in the account as payment ${match.id}`,
          },
          match.id,
        );
      }
      const liveOrder = this.live.record<KeapOrder>('orders', order.liveId)!;
      this.dependOnLive('orders', order.liveId);
      const due = (liveOrder.total_due?.amount ?? 0) - this.plannedPaymentsOn(order.liveId);
      if (Math.round((payment.amount ?? 0) * 100) > due) {
        return this.addStep({
          entity: 'payments',
          oldId: payment.id,
          action: 'conflict',
          reason: 'would-overpay',
          label,
          pulledIn,
          detail: `${label}: live order ${order.liveId} has only ${formatMoney(due / 100)} due; Keap refuses payments above the balance and payments cannot be deleted: check the order's payments by hand`,
        });
      }
      this.plannedPayments.set(order.liveId, this.plannedPaymentsOn(order.liveId) + Math.round((payment.amount ?? 0) * 100));
    }
    const payload = paymentPayload(payment, orderOldId!);
    const blocked = this.blockedBy(payload.refs, [order]);
    if (blocked)
      return this.addStep({
        entity: 'payments',
        oldId: payment.id,
        action: 'blocked',
        reason: blocked.reason,
        detail: blocked.detail,
        label,
        pulledIn,
      });
    return this.addStep({
      entity: 'payments',
      oldId: payment.id,
      action: 'create',
      reason: 'missing-in-live',
      label,
      pulledIn,
      detail: `${label}: record it (${payment.type ?? 'manual'}, dated ${payment.payment_time ?? 'now'}); it is checked against the order's payments before it is sent, as Keap cannot delete a payment`,
      payload: payload.body,
      refs: payload.refs,
      dependsOn: this.stepDeps([order]),
      sideEffects: [SIDE_EFFECTS.payment],
    });
  }

  private readonly plannedPayments = new Map<string, number>();

  private plannedPaymentsOn(liveOrderId: string): number {
    return this.plannedPayments.get(liveOrderId) ?? 0;
  }

  private livePaymentMatching(liveOrderId: string, payment: KeapPayment): { id: string; marked: boolean } | undefined {
    const payments = this.live.paymentsOf(liveOrderId);
    const marker = markerValue(payment.id);
    const marked = payments.find((p) => p.note?.includes(marker));
    if (marked) return { id: marked.id, marked: true };
    const same =
      payments.find((p) => p.id === payment.id) ??
      payments.find(
        (p) =>
          Math.round((p.amount ?? 0) * 100) === Math.round((payment.amount ?? 0) * 100) &&
          p.payment_time &&
          payment.payment_time &&
          Date.parse(p.payment_time) === Date.parse(payment.payment_time),
      );
    return same ? { id: same.id, marked: false } : undefined;
  }

  private planTagAssignments(tagOldId: string): void {
    const contacts = this.snap
      .all<{ contact_id: string }>('SELECT contact_id FROM contact_tags WHERE tag_id = ? ORDER BY rowid', [tagOldId])
      .map((r) => r.contact_id)
      .filter(
        (c) =>
          !this.selected ||
          (this.selected.has(`contact_tags:${tagOldId}`) && (this.selected.has(`contacts:${c}`) || !this.options.records?.length)),
      );
    const tag = this.resolve('tags', tagOldId, true);
    const label = `Tag ${tagOldId} on ${contacts.length} contact(s)`;
    if (tag.state === 'missing') {
      this.addStep({
        entity: 'contact_tags',
        oldId: tagOldId,
        action: 'blocked',
        reason: 'parent-missing',
        label,
        detail: `${label}: the tag is in neither the snapshot nor the account`,
      });
      return;
    }
    const missing: string[] = [];
    const deps: Resolution[] = [tag];
    for (const contactOldId of contacts) {
      const contact = this.resolve('contacts', contactOldId, true);
      if (contact.state === 'missing') continue;
      if (contact.state === 'live' && tag.state === 'live' && this.live.contactHasTag(contact.liveId, tag.liveId)) continue;
      if (contact.state === 'step' && this.steps.get(contact.stepId)?.action === 'blocked') continue;
      missing.push(contactOldId);
      deps.push(contact);
    }
    if (tag.state === 'step' && this.steps.get(tag.stepId)?.action === 'blocked') {
      this.addStep({
        entity: 'contact_tags',
        oldId: tagOldId,
        action: 'blocked',
        reason: 'parent-blocked',
        label,
        detail: `${label}: the tag cannot be restored`,
      });
      return;
    }
    if (!missing.length) {
      this.addStep({
        entity: 'contact_tags',
        oldId: tagOldId,
        action: 'skip',
        reason: 'identical',
        label,
        detail: `${label}: every contact already carries it`,
      });
      return;
    }
    this.addStep({
      entity: 'contact_tags',
      oldId: tagOldId,
      action: 'create',
      reason: 'missing-in-live',
      label: `Tag ${tagOldId} on ${missing.length} contact(s)`,
      detail: `Apply tag ${tagOldId} to ${missing.length} contact(s) that lost it (one request per 1,000 contacts)`,
      payload: { contact_ids: missing },
      refs: [
        { path: '@tag_id', entity: 'tags', oldId: tagOldId },
        ...missing.map((id, i) => ({ path: `contact_ids[${i}]`, entity: 'contacts' as const, oldId: id })),
      ],
      dependsOn: this.stepDeps(deps),
      sideEffects: [SIDE_EFFECTS.tag],
    });
  }

  private planSubscription(sub: KeapSubscription, pulledIn: boolean): Resolution {
    const label = `Subscription ${sub.id} (contact ${sub.contact_id}, plan ${sub.subscription_plan_id})`;
    const payload = subscriptionPayload(sub, this.input.today ?? new Date().toISOString().slice(0, 10), 'marker:SUBSCRIPTION');
    const refs = parentRefs(payload.refs);
    const deps = refs.map((r) => this.resolve(r.entity, r.oldId, true));
    const found = this.findLive('subscriptions', sub.id);
    if (found) return this.existing('subscriptions', sub as unknown as Json, found, pulledIn, label, payload);
    const blocked = this.blockedBy(refs, deps);
    if (blocked)
      return this.addStep({
        entity: 'subscriptions',
        oldId: sub.id,
        action: 'blocked',
        reason: blocked.reason,
        detail: blocked.detail,
        label,
        pulledIn,
      });
    if (sub.active === false)
      return this.addStep({
        entity: 'subscriptions',
        oldId: sub.id,
        action: 'skip',
        reason: 'not-restorable',
        label,
        pulledIn,
        detail: `${label}: inactive in the snapshot; its history lives in its orders`,
      });
    if (!this.options.subscriptionsStartToday) {
      return this.addStep({
        entity: 'subscriptions',
        oldId: sub.id,
        action: 'blocked',
        reason: 'past-start-date',
        label,
        pulledIn,
        detail: `${label}: Keap cannot create a subscription that started in the past (${sub.start_date ?? 'unknown'}); accept "starts today" to restore it`,
      });
    }
    this.warnings.add(
      'Restored subscriptions start today: Keap refuses past start dates. Their earlier billing history is in their orders.',
    );
    return this.addStep({
      entity: 'subscriptions',
      oldId: sub.id,
      action: 'create',
      reason: 'missing-in-live',
      label,
      pulledIn,
      detail: `${label}: create it starting today (it started ${sub.start_date ?? 'earlier'})`,
      payload: payload.body,
      refs: payload.refs,
      dependsOn: this.stepDeps(deps),
    });
  }

  private planCampaign(campaign: KeapCampaign, pulledIn: boolean): Resolution {
    const label = `Campaign ${quote(campaign.name)}`;
    if (this.live.has('campaigns', campaign.id))
      return this.addStep(
        {
          entity: 'campaigns',
          oldId: campaign.id,
          liveId: campaign.id,
          action: 'skip',
          reason: 'identical',
          label,
          pulledIn,
          detail: `${label}: in the account`,
        },
        campaign.id,
      );
    return this.addStep({
      entity: 'campaigns',
      oldId: campaign.id,
      action: 'blocked',
      reason: 'cannot-create',
      label,
      pulledIn,
      detail: `${label}: Keap's API cannot create campaigns; rebuild it in Keap`,
    });
  }

  // ------------------------------------------------------------------ plumbing

  /** Why a step cannot run: a parent neither live nor creatable, or the policy says not to create it. */
  private blockedBy(
    refs: Array<{ entity: RestoreEntity; oldId: string }>,
    deps: Resolution[],
  ): { reason: ReasonCode; detail: string } | undefined {
    for (let i = 0; i < deps.length; i++) {
      const dep = deps[i];
      const ref = refs[i];
      if (dep.state === 'missing') {
        if (this.options.missingParent === 'fail')
          throw new PlanError(`${ref.entity} ${ref.oldId} is needed but is in neither the snapshot nor the account`);
        return { reason: 'parent-missing', detail: `Needs ${ref.entity} ${ref.oldId}, which is in neither the snapshot nor the account` };
      }
      if (dep.state === 'step') {
        const step = this.steps.get(dep.stepId)!;
        if (step.action === 'blocked' || step.action === 'conflict')
          return { reason: 'parent-blocked', detail: `Needs ${step.id}, which is ${step.action}: ${step.detail}` };
        if (
          step.action === 'create' &&
          step.pulledIn &&
          this.options.missingParent !== 'create' &&
          this.selected &&
          !this.selected.has(step.id)
        ) {
          if (this.options.missingParent === 'fail') throw new PlanError(`${step.id} is missing in the account and not selected`);
          return { reason: 'parent-missing', detail: `Needs ${step.id}, missing in the account and not selected (missing parents: skip)` };
        }
      }
    }
    return undefined;
  }

  private stepDeps(deps: Resolution[]): string[] {
    return [
      ...new Set(
        deps
          .filter((d): d is { state: 'step'; stepId: string } => d.state === 'step' && this.steps.get(d.stepId)?.action !== 'skip')
          .map((d) => d.stepId),
      ),
    ];
  }

  private addStep(fields: Omit<PlanStep, 'id' | 'dependsOn'> & { dependsOn?: string[] }, liveId?: string): Resolution {
    const id = `${fields.entity}:${fields.oldId}`;
    const step: PlanStep = { ...fields, id, dependsOn: fields.dependsOn ?? [] };
    if (step.action === 'create' || step.action === 'update') {
      // The marker field is needed only by records that will be written: resolved (and created) now.
      const markers = (step.refs ?? []).filter(isMarkerRef).map((r) => this.resolve(r.entity, r.oldId, true));
      step.dependsOn = [...new Set([...step.dependsOn, ...this.stepDeps(markers)])];
    }
    if (!step.pulledIn) delete step.pulledIn;
    this.steps.set(id, step);
    if (liveId) return { state: 'live', liveId };
    if (step.action === 'create' || step.action === 'blocked' || step.action === 'conflict') return { state: 'step', stepId: id };
    return { state: 'missing', why: step.detail };
  }

  private addSideEffect(resolution: Resolution, effect: string): void {
    if (resolution.state !== 'step') return;
    const step = this.steps.get(resolution.stepId)!;
    if (step.action === 'create') step.sideEffects = [...(step.sideEffects ?? []), effect];
  }

  private useLive(entity: RestoreEntity, liveId: string): Resolution {
    this.dependOnLive(entity, liveId);
    return { state: 'live', liveId };
  }

  private dependOnLive(entity: RestoreEntity, id: string): void {
    this.liveDeps.set(`${entity}:${id}`, { entity, id });
  }

  /** The live id a snapshot record maps to, or a placeholder for one being created. */
  private liveIdOf(entity: RestoreEntity, oldId: string): string | undefined {
    const r = this.resolve(entity, oldId, true);
    return r.state === 'live' ? r.liveId : r.state === 'step' ? `new:${r.stepId}` : undefined;
  }

  private snapRecord(entity: RestoreEntity, id: string): Json | undefined {
    return entity === 'contact_tags' ? undefined : getRecord<Json>(this.snap, entity, id);
  }

  private *snapRecords<T>(entity: 'custom_fields'): Generator<T> {
    for (const row of this.snap.rows(entity)) yield JSON.parse(row.json) as T;
  }

  /** Steps in dependency order: by entity (RESTORE_ORDER), then as planned. */
  private ordered(): PlanStep[] {
    const rank = new Map(RESTORE_ORDER.map((e, i) => [e, i]));
    return [...this.steps.values()]
      .map((step, i) => ({ step, i }))
      .sort((a, b) => rank.get(a.step.entity)! - rank.get(b.step.entity)! || a.i - b.i)
      .map(({ step }) => step);
  }
}

function isMarkerRef(ref: { entity: string; oldId: string }): boolean {
  return ref.entity === 'custom_fields' && ref.oldId.startsWith('marker:');
}

/** References to the records a step depends on (the marker field is resolved only for writes). */
function parentRefs<T extends { entity: string; oldId: string }>(refs: T[]): T[] {
  return refs.filter((r) => !isMarkerRef(r));
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  if (at < 1) throw new PlanError(`Select records as entity:id (e.g. orders:1234), got '${key}'`);
  return [key.slice(0, at), key.slice(at + 1)];
}

function quote(value: unknown): string {
  return JSON.stringify(String(value ?? ''));
}

function formatMoney(major: number | undefined): string {
  return `$${(major ?? 0).toFixed(2)}`;
}

function diffFields(want: Json, have: Json, prefix = ''): FieldChangeView[] {
  const out: FieldChangeView[] = [];
  for (const key of new Set([...Object.keys(want), ...Object.keys(have)])) {
    const a = want[key];
    const b = have[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out.push({ path: prefix + key, before: b, after: a });
  }
  return out;
}

/** A difference that is only a reference to a record gone from the account, which this plan restores. */
function isRelink(change: FieldChangeView): boolean {
  return JSON.stringify(change.after ?? null).includes('"new:') && JSON.stringify(change.before ?? null).includes('"missing:');
}

interface Update {
  body: Json;
  refs: IdReference[];
  itemPatches: Array<{ liveItemId: string; body: Json; refs?: IdReference[] }>;
  /** Chosen changes that Keap's API cannot make (fully). */
  unsent: string[];
}

/**
 * The PATCH that makes a live record equal to the snapshot in the chosen fields, from the create
 * payload (so references are rewritten the same way), and item patches for orders.
 */
function updateOf(
  entity: RestoreEntity,
  payload: Payload,
  chosen: FieldChangeView[],
  liveItems: KeapOrderItem[],
  relinkOnly: boolean,
): Update {
  const update: Update = { body: {}, refs: [], itemPatches: [], unsent: [] };
  for (const change of chosen) {
    if (change.path === 'order_items') {
      if (!itemPatchesOf(payload, change, liveItems, relinkOnly, update)) update.unsent.push(change.path);
      continue;
    }
    const key = writeNameOf(entity, change.path);
    if (!key || payload.body[key] === undefined) {
      update.unsent.push(change.path);
      continue;
    }
    update.body[key] = payload.body[key];
    update.refs.push(...payload.refs.filter((r) => r.path === key || r.path.startsWith(`${key}.`) || r.path.startsWith(`${key}[`)));
  }
  return update;
}

/** Patches of a live order's items, by position; false when some difference cannot be patched. */
function itemPatchesOf(
  payload: Payload,
  change: FieldChangeView,
  liveItems: KeapOrderItem[],
  relinkOnly: boolean,
  update: Update,
): boolean {
  const want = (change.after as Json[] | null) ?? [];
  const have = (change.before as Json[] | null) ?? [];
  const items = (payload.body.order_items as Json[] | undefined) ?? [];
  let complete = want.length === have.length;
  want.forEach((w, i) => {
    const h = have[i];
    const live = liveItems[i];
    if (!h || !live) return;
    const body: Json = {};
    const refs: IdReference[] = [];
    for (const field of Object.keys(w)) {
      if (JSON.stringify(w[field]) === JSON.stringify(h[field])) continue;
      const key = writeNameOf('order_items', field); // undefined for what a PATCH cannot change (an item's type)
      const relink = isRelink({ path: field, before: h[field], after: w[field] });
      if (!key || (relinkOnly && !relink) || items[i]?.[key] === undefined) {
        complete = false;
        continue;
      }
      body[key] = items[i][key];
      for (const r of payload.refs) if (r.path === `order_items[${i}].${key}`) refs.push({ ...r, path: key });
    }
    if (Object.keys(body).length) update.itemPatches.push({ liveItemId: live.id, body, ...(refs.length ? { refs } : {}) });
  });
  return complete;
}
