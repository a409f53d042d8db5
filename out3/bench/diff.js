"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * How long `diff` takes on two snapshots of a generated account, the second after a
 * delete-contacts disaster (10% by default). Prints figures; asserts nothing.
 *   npx tsc -p . && node out/bench/diff.js [contacts=20000] [fraction=0.1]
 */
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const diff_1 = require("../src/core/snapshot/diff");
const snapshotDb_1 = require("../src/core/snapshot/snapshotDb");
const disasters_1 = require("../src/emulator/disasters");
const generator_1 = require("../src/emulator/generator");
const store_1 = require("../src/emulator/store");
const snapshots_1 = require("../test/unit/support/snapshots");
async function timed(label, run) {
    const started = process.hrtime.bigint();
    const t = (await run()).totals;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`${label.padEnd(30)} ${ms.toFixed(0).padStart(6)} ms  +${t.added} -${t.removed} ~${t.changed}`);
}
async function main() {
    const contacts = Number(process.argv[2] ?? 20_000);
    const fraction = Number(process.argv[3] ?? 0.1);
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed: 'bench', size: contacts });
    const changed = store_1.EmulatorStore.fromState(JSON.parse(JSON.stringify(store.toState())));
    (0, disasters_1.applyDisaster)(changed, { kind: 'delete-contacts', fraction });
    const a = await (0, snapshots_1.snapshotFromStore)(store);
    const b = await (0, snapshots_1.snapshotFromStore)(changed);
    const rows = (db) => Object.values(db.counts()).reduce((n, c) => n + c, 0);
    console.log(`Node ${process.version}; A ${rows(a).toLocaleString('en-US')} rows, B ${rows(b).toLocaleString('en-US')} rows (${contacts} contacts, delete-contacts ${fraction})`);
    await timed('diff, all fields', () => (0, diff_1.diffSnapshots)(a, b, { maxChangedRecords: 20 }));
    await timed('diff, volatile fields ignored', () => (0, diff_1.diffSnapshots)(a, b, { ignore: [...diff_1.VOLATILE_FIELDS], maxChangedRecords: 20 }));
    await timed('diff, A against itself', () => (0, diff_1.diffSnapshots)(a, a));
    // What the CLI pays on top: reading and verifying both files (a checksum over every row).
    const dir = (0, snapshots_1.tempDir)('kv-bench-');
    const [fileA, fileB] = [node_path_1.default.join(dir, 'a.kvsnap'), node_path_1.default.join(dir, 'b.kvsnap')];
    await a.save(fileA, snapshots_1.TEST_META);
    await b.save(fileB, snapshots_1.TEST_META);
    a.close();
    b.close();
    await timed('open both files, then diff', async () => {
        const [x, y] = [await snapshotDb_1.SnapshotDb.open(fileA), await snapshotDb_1.SnapshotDb.open(fileB)];
        try {
            return (0, diff_1.diffSnapshots)(x, y, { ignore: [...diff_1.VOLATILE_FIELDS], maxChangedRecords: 20 });
        }
        finally {
            x.close();
            y.close();
        }
    });
    (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
}
main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
});
//# sourceMappingURL=diff.js.map