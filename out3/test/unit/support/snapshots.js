"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEST_META = exports.snapshotFromStore = void 0;
exports.tempDir = tempDir;
exports.everyRecord = everyRecord;
exports.generatedSnapshotFile = generatedSnapshotFile;
/**
 * Snapshot fixtures straight from an emulator store (no HTTP): each record rendered exactly as the
 * emulator's API would return it, so fixtures have Keap's shapes without hand-pasted JSON.
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const entities_1 = require("../../../src/core/snapshot/entities");
const generator_1 = require("../../../src/emulator/generator");
const accountSnapshot_1 = require("../../fixtures/accountSnapshot");
const store_1 = require("../../../src/emulator/store");
function tempDir(prefix = 'kv-test-') {
    return (0, node_fs_1.mkdtempSync)(node_path_1.default.join((0, node_os_1.tmpdir)(), prefix));
}
/** Kept under its old name for the tests that use it. */
exports.snapshotFromStore = accountSnapshot_1.snapshotOfAccount;
/** Every table's rows (id and JSON, in stored order): two snapshots holding the same records compare equal. */
function everyRecord(db) {
    return new Map(entities_1.SNAPSHOT_ENTITIES.map((e) => [e, [...db.rows(e)].map((r) => `${r.id}\u0000${r.json}`)]));
}
exports.TEST_META = {
    snapshotId: 'test-snapshot',
    account: 'emulator.keap-vault.local',
    apiBaseUrl: 'http://127.0.0.1/crm/rest',
    startedAt: '2026-11-01T12:00:00.000Z',
    finishedAt: '2026-11-01T12:00:05.000Z',
};
/** A generated account saved as a snapshot file; returns the file and the store it came from. */
async function generatedSnapshotFile(options, dir = tempDir(), key) {
    const store = new store_1.EmulatorStore();
    const { planted } = (0, generator_1.generateAccount)(store, options);
    const db = await (0, exports.snapshotFromStore)(store);
    const file = node_path_1.default.join(dir, `snapshot-${options.seed}-${options.size}.kvsnap`);
    await db.save(file, exports.TEST_META, { key });
    db.close();
    return { file, store, planted };
}
//# sourceMappingURL=snapshots.js.map