"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Two machines applying the same plan at the same moment: each trial starts two CLI applies
 * together, each with its own lock folder (as on two machines) and its own ledger, against one
 * emulated account, and counts what Keap ends up holding. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/race.js [trials=10] [contacts=60]
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const client_1 = require("../src/core/keap/client");
const ledger_1 = require("../src/core/restore/ledger");
const liveRead_1 = require("../src/core/restore/liveRead");
const liveIndex_1 = require("../src/core/restore/liveIndex");
const marker_1 = require("../src/core/restore/marker");
const planner_1 = require("../src/core/restore/planner");
const capture_1 = require("../src/core/snapshot/capture");
const snapshotDb_1 = require("../src/core/snapshot/snapshotDb");
const emulator_1 = require("../src/emulator");
const disasters_1 = require("../src/emulator/disasters");
const generator_1 = require("../src/emulator/generator");
const store_1 = require("../src/emulator/store");
const cliProcess_1 = require("../test/unit/support/cliProcess");
async function trial(n, contacts) {
    const dir = (0, node_fs_1.mkdtempSync)(node_path_1.default.join((0, node_os_1.tmpdir)(), `kv-race-${n}-`));
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed: `race-${n}`, size: contacts });
    const emulator = await (0, emulator_1.startEmulator)({ store, quota: emulator_1.UNLIMITED_QUOTA });
    try {
        const client = new client_1.KeapClient({
            baseUrl: emulator.apiBaseUrl,
            credential: { kind: 'api-key', key: emulator.token },
            throttle: 'unlimited',
        });
        const snapshotFile = node_path_1.default.join(dir, 'before.kvsnap');
        await (0, capture_1.captureSnapshot)({ client, out: snapshotFile });
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-contacts', fraction: 0.2, seed: n });
        const snapshot = await snapshotDb_1.SnapshotDb.open(snapshotFile);
        const { db: live, readAt } = await (0, liveRead_1.readLiveAccount)(client);
        const ledger = await ledger_1.Ledger.open(node_path_1.default.join(dir, 'plan.kvledger'));
        const plan = (0, planner_1.planRestore)({
            snapshot,
            live,
            liveReadAt: readAt,
            account: `race-${n}`,
            apiBaseUrl: emulator.apiBaseUrl,
            idMap: () => undefined,
        });
        ledger.close();
        live.close();
        const planFile = node_path_1.default.join(dir, 'plan.json');
        (0, node_fs_1.writeFileSync)(planFile, JSON.stringify(plan));
        const machine = (name) => ({
            ...process.env,
            KEAP_VAULT_STATE_DIR: node_path_1.default.join(dir, `state-${name}`),
            KEAP_API_URL: emulator.apiBaseUrl,
            KEAP_API_KEY: emulator.token,
        });
        const runs = await Promise.all(['a', 'b'].map((name) => (0, cliProcess_1.runCliProcess)(['--unlimited', 'apply', planFile, '--ledger', node_path_1.default.join(dir, `${name}.kvledger`)], machine(name))));
        const outcomes = runs.map((r) => r.code === 0
            ? 'applied'
            : /Another apply is running/.test(r.stderr)
                ? 'refused by the lease'
                : `failed: ${r.stderr.trim().split('\n').pop()}`);
        // What Keap holds: live records per snapshot record, by restore marker.
        const { db: after } = await (0, liveRead_1.readLiveAccount)(client);
        const index = new liveIndex_1.LiveIndex(after);
        const seen = new Map();
        for (const [entity, type] of Object.entries(marker_1.MARKER_RECORD_TYPES)) {
            for (const row of after.rows(entity)) {
                const old = (0, marker_1.recordMarker)(JSON.parse(row.json), index.markerFieldIds.get(type));
                if (old)
                    seen.set(`${entity}:${old}`, (seen.get(`${entity}:${old}`) ?? 0) + 1);
            }
        }
        for (const row of after.rows('payments')) {
            const old = (0, marker_1.paymentNoteMarker)(JSON.parse(row.json).note);
            if (old)
                seen.set(`payments:${old}`, (seen.get(`payments:${old}`) ?? 0) + 1);
        }
        after.close();
        snapshot.close();
        return { created: seen.size, twice: [...seen.values()].filter((c) => c > 1).length, outcomes };
    }
    finally {
        await emulator.close();
    }
}
async function main() {
    const trials = Number(process.argv[2] ?? 10);
    const contacts = Number(process.argv[3] ?? 60);
    console.log(`Node ${process.version}; ${trials} trials, two applies of one plan started together from two "machines" (own lock folders and ledgers), ${contacts}-contact account, 20% of contacts lost`);
    let restored = 0;
    let twice = 0;
    const outcomes = new Map();
    for (let n = 1; n <= trials; n++) {
        const result = await trial(n, contacts);
        restored += result.created;
        twice += result.twice;
        for (const o of result.outcomes)
            outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
    }
    console.log(`Records restored: ${restored}; restored more than once: ${twice}`);
    console.log(`Apply outcomes: ${[...outcomes].map(([o, c]) => `${o} ${c}`).join(', ')}`);
}
void main();
//# sourceMappingURL=race.js.map