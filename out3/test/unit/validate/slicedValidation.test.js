"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Validation in slices (issue 12: the extension host must stay responsive): the same findings as
 * before the rules were batched, progress that only goes forward and reaches the end, and a
 * cancellation that stops the run with CancelledError and leaves the snapshot as it was.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const engine_1 = require("../../../src/core/validate/engine");
const rules_1 = require("../../../src/core/validate/rules");
const cancelled_1 = require("../../../src/core/work/cancelled");
const generator_1 = require("../../../src/emulator/generator");
const snapshots_1 = require("../support/snapshots");
/** Written by Keap Vault before the rules ran in batches (commit dc4f44a), from this same generated account. */
const BEFORE_BATCHING = node_path_1.default.join(__dirname, '../../../../test/fixtures/validation/planted-findings-before-batching.json');
describe('Validation in slices', function () {
    this.timeout(120_000);
    let db;
    before(async () => {
        const plant = Object.fromEntries(generator_1.PLANTED_PROBLEM_KINDS.map((k) => [k, 4]));
        const { file } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'batched', size: 3000, plant });
        db = await snapshotDb_1.SnapshotDb.open(file);
    });
    after(() => db.close());
    it('finds exactly what the unbatched rules found, with batches of a few rows, while timers keep running', async () => {
        const before = JSON.parse((0, node_fs_1.readFileSync)(BEFORE_BATCHING, 'utf8'));
        let ticks = 0;
        const timer = setInterval(() => ticks++, 1);
        try {
            const sliced = await (0, engine_1.validateSnapshotInSlices)(db, {}, { batchRows: 7 });
            strict_1.default.deepEqual(sliced.findings, before);
        }
        finally {
            clearInterval(timer);
        }
        strict_1.default.ok(ticks > 0, 'the event loop ran timers while the rules ran');
        strict_1.default.deepEqual((0, engine_1.validateSnapshot)(db).findings, before, 'the one-go validation runs the same batches');
    });
    it('reports rule n of N by name, only forward, and reaches the end', async () => {
        const reports = [];
        await (0, engine_1.validateSnapshotInSlices)(db, {}, { onProgress: (p) => reports.push(p) });
        for (const [i, p] of reports.entries()) {
            strict_1.default.equal(p.unit, 'rules');
            strict_1.default.equal(p.total, rules_1.ALL_RULES.length);
            if (i)
                strict_1.default.ok(p.done >= reports[i - 1].done, `report ${i} went back`);
        }
        strict_1.default.equal(reports.at(-1).done, rules_1.ALL_RULES.length);
        strict_1.default.equal(reports[0].step, `Rule 1 of ${rules_1.ALL_RULES.length}: ${rules_1.ALL_RULES[0].title}`);
    });
    it('cancelled midway, rejects with CancelledError, drops its temporary tables, and validates again the same', async () => {
        const controller = new AbortController();
        const stopAt = rules_1.ALL_RULES.findIndex((r) => r.id === 'order/likely-duplicate');
        const run = (0, engine_1.validateSnapshotInSlices)(db, {}, {
            batchRows: 50,
            signal: controller.signal,
            // Stops inside the rule that builds two temporary tables, after some of its batches ran.
            onProgress: (p) => p.done === stopAt && setTimeout(() => controller.abort(), 5),
        });
        await strict_1.default.rejects(run, (err) => err instanceof cancelled_1.CancelledError && /Validation was cancelled/.test(err.message));
        strict_1.default.deepEqual(db.all("SELECT name FROM sqlite_temp_master WHERE type = 'table'"), [], 'no temporary table left');
        const before = JSON.parse((0, node_fs_1.readFileSync)(BEFORE_BATCHING, 'utf8'));
        strict_1.default.deepEqual((await (0, engine_1.validateSnapshotInSlices)(db)).findings, before);
    });
    it('an already cancelled validation does not start', async () => {
        await strict_1.default.rejects((0, engine_1.validateSnapshotInSlices)(db, {}, { signal: AbortSignal.abort() }), cancelled_1.CancelledError);
    });
});
//# sourceMappingURL=slicedValidation.test.js.map