"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlanError = void 0;
exports.planRestore = planRestore;
/**
 * The planner: snapshot (the desired past state) + the live account read fresh + the ledger of
 * earlier restores -> one action per record, in dependency order. Nothing is written here.
 *
 * Every entity is planned by its module (entities/<entity>.ts, through the registry) on a shared
 * planning context (planContext.ts), which finds a snapshot record in live in this order: the
 * ledger's id map (restored earlier), the restore marker custom field (restored earlier, even if
 * the ledger was lost), the same id (it still exists), a natural key (email, SKU, tag name,
 * company name). Orders have no natural key: a live order of the same contact with the same date,
 * items and total is a likely duplicate, a conflict the user decides on. Never deletes.
 */
const node_crypto_1 = require("node:crypto");
const entities_1 = require("./entities");
const fields_1 = require("./fields");
const payloads_1 = require("./payloads");
const plan_1 = require("./plan");
const planContext_1 = require("./planContext");
var planContext_2 = require("./planContext");
Object.defineProperty(exports, "PlanError", { enumerable: true, get: function () { return planContext_2.PlanError; } });
function planRestore(input) {
    const ctx = new planContext_1.PlanContext(input, entities_1.RESTORABLE_ENTITIES);
    const snapMeta = ctx.snap.meta();
    if (snapMeta.account && snapMeta.account !== input.account) {
        ctx.warnings.add(`The snapshot is of account ${snapMeta.account}; restoring into ${input.account}.`);
    }
    for (const entity of plan_1.RESTORE_ORDER)
        ctx.planEntity(entity);
    ctx.warnings.add('Transactions are not restored as such: Keap records one for every payment a restore records.');
    const steps = ordered(ctx);
    for (const step of steps)
        for (const effect of step.sideEffects ?? [])
            ctx.warnings.add(effect);
    fieldWarnings(ctx, steps);
    const records = [...ctx.liveDeps.values()]
        .map(({ entity, id }) => ({ entity, id, hash: ctx.live.hash(entity, id) }))
        .filter((r) => r.hash);
    return {
        formatVersion: plan_1.PLAN_FORMAT_VERSION,
        planId: (0, node_crypto_1.randomUUID)(),
        createdAt: new Date().toISOString(),
        account: input.account,
        apiBaseUrl: input.apiBaseUrl,
        snapshot: {
            snapshotId: snapMeta.snapshotId,
            checksum: snapMeta.checksum,
            finishedAt: snapMeta.finishedAt,
            account: snapMeta.account,
            file: input.snapshotFile,
        },
        live: {
            readAt: input.liveReadAt,
            fingerprint: (0, plan_1.fingerprintOf)(records),
            records: records,
            hashes: 'restorable-fields',
        },
        options: ctx.options,
        markerLabel: payloads_1.MARKER_LABEL,
        headline: (0, plan_1.headlineOf)(steps),
        warnings: [...ctx.warnings],
        steps,
    };
}
/**
 * Says once per entity what a restored record does not get back (Keap sets it), and names any
 * field of the snapshot that Keap Vault does not know how to write, instead of dropping it.
 */
function fieldWarnings(ctx, steps) {
    const created = new Map();
    for (const s of steps)
        if (s.action === 'create' && !s.oldId.startsWith('marker:'))
            created.set(s.entity, (created.get(s.entity) ?? 0) + 1);
    for (const [entity, count] of created) {
        const summary = (0, fields_1.notRestorableSummary)(entity);
        if (summary)
            ctx.warnings.add(`Restored ${entity} (${count}) get ${summary}.`);
        const unknown = new Set();
        for (const s of steps)
            if (s.entity === entity && s.action === 'create')
                for (const f of ctx.unwritableFields.get(s.id) ?? (0, fields_1.unknownFields)(entity, ctx.snapRecord(entity, s.oldId) ?? {}))
                    unknown.add(f);
        if (unknown.size)
            ctx.warnings.add(`${entity}: the snapshot has ${unknown.size === 1 ? 'a field' : 'fields'} Keap Vault cannot write, which restored records will lack: ${[...unknown].join(', ')}.`);
    }
}
/**
 * Steps in dependency order: by entity (RESTORE_ORDER), then as planned. One pass into a list per
 * entity, not a sort: a large plan has hundreds of thousands of steps.
 */
function ordered(ctx) {
    const byEntity = new Map(plan_1.RESTORE_ORDER.map((e) => [e, []]));
    for (const step of ctx.steps.values()) {
        const list = byEntity.get(step.entity);
        // invariant: every step is of a RestoreEntity, which RESTORE_ORDER lists.
        if (!list)
            throw new Error(`A step of ${step.entity}, which has no place in the restore order`);
        list.push(step);
    }
    return [...byEntity.values()].flat();
}
//# sourceMappingURL=planner.js.map