"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESTORE_LIVE_ENTITIES = void 0;
exports.entitiesHolding = entitiesHolding;
exports.readLiveForRestore = readLiveForRestore;
exports.readLiveAccount = readLiveAccount;
/**
 * The live account read fresh, as a snapshot in memory: what planning compares against, what
 * apply checks for staleness and what verification re-reads. It costs what a capture costs
 * (about ceil(N/1000) requests per entity), small beside the writes of a restore.
 */
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const capture_1 = require("../snapshot/capture");
const entities_1 = require("../entities");
const snapshotDb_1 = require("../snapshot/snapshotDb");
const planTypes_1 = require("./planTypes");
/**
 * What a restore reads of the live account: the entities it restores and those whose records carry
 * one it restores (contacts carry their tags, products their subscription plans). Transactions and
 * notes are never restored, so planning, the stale check and verification do not spend requests on them.
 */
exports.RESTORE_LIVE_ENTITIES = entities_1.CAPTURED_ENTITIES.filter((e) => {
    const restored = (name) => planTypes_1.RESTORE_ORDER.includes(name);
    return restored(e) || ((0, entities_1.entityModule)(e).children ?? []).some((c) => restored(c.name));
});
/** The captured entities whose lists hold these records (a contact's tags are on the contact). */
function entitiesHolding(entities) {
    const holding = new Set();
    for (const e of entities)
        if (entities_1.SNAPSHOT_ENTITIES.includes(e))
            holding.add((0, entities_1.entityModule)(e).name);
    return entities_1.CAPTURED_ENTITIES.filter((e) => holding.has(e));
}
/** The live account as a restore reads it (see RESTORE_LIVE_ENTITIES), or the part of it `entities` names. */
function readLiveForRestore(client, options = {}) {
    return readLiveAccount(client, { ...options, entities: options.entities ?? exports.RESTORE_LIVE_ENTITIES });
}
async function readLiveAccount(client, options = {}) {
    const dir = await (0, promises_1.mkdtemp)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'keap-vault-live-'));
    try {
        const readAt = new Date().toISOString();
        const out = node_path_1.default.join(dir, 'live.kvsnap');
        await (0, capture_1.captureSnapshot)({
            client,
            out,
            signal: options.signal,
            onProgress: options.onProgress,
            entities: options.entities,
            changedSince: options.changedSince,
        });
        return { db: await snapshotDb_1.SnapshotDb.open(out), readAt };
    }
    finally {
        // A read that stopped part-way (the quota, a cancel) may still be closing files in it: retry.
        await (0, promises_1.rm)(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    }
}
//# sourceMappingURL=liveRead.js.map