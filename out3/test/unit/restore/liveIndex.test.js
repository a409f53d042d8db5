"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Planning keeps a hash of each live record's restorable fields instead of its JSON text (the
 * live index's hashesOnly). The hash must be the one a stale check computes from the text, and a
 * record must be found live exactly when the text index finds it: a record wrongly absent would be
 * created a second time, and a hash wrongly equal would skip a record that differs (a relink lost).
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const plan_1 = require("../../../src/core/restore/plan");
const liveIndex_1 = require("../../../src/core/restore/liveIndex");
const planner_1 = require("../../../src/core/restore/planner");
const staleness_1 = require("../../../src/core/restore/staleness");
const disasters_1 = require("../../../src/emulator/disasters");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const accountSnapshot_1 = require("../../fixtures/accountSnapshot");
describe('Restore: the live index planning keeps (hashes, not JSON text)', function () {
    this.timeout(60_000);
    it('finds the same records and gives the same hashes as the index a stale check reads', async () => {
        const store = new store_1.EmulatorStore();
        // More contacts than the index reads again one at a time before reading their texts in one pass.
        (0, generator_1.generateAccount)(store, { seed: 'live-index', size: 350 });
        const snapshot = await (0, accountSnapshot_1.snapshotOfAccount)(store);
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-products', fraction: 0.2, seed: 1 });
        (0, disasters_1.applyDisaster)(store, { kind: 'corrupt-contacts', fraction: 0.2, seed: 2 });
        (0, disasters_1.applyDisaster)(store, { kind: 'delete-payments', fraction: 0.2, seed: 3 });
        const live = await (0, accountSnapshot_1.snapshotOfAccount)(store);
        const text = new liveIndex_1.LiveIndex(live);
        const hashes = new liveIndex_1.LiveIndex(live, { hashesOnly: true });
        let compared = 0;
        for (const entity of plan_1.RESTORE_ORDER) {
            const ids = new Set([...live.rows(entity, { json: false })].map((r) => r.id));
            for (const id of [...ids, '999999999']) {
                strict_1.default.equal(hashes.has(entity, id), text.has(entity, id), `${entity} ${id} found alike`);
                strict_1.default.equal(hashes.hash(entity, id), text.hash(entity, id), `${entity} ${id} hashed alike`);
                strict_1.default.equal(hashes.json(entity, id), text.json(entity, id), `${entity} ${id} read alike`);
                compared++;
            }
        }
        strict_1.default.ok(compared > 500, `compared ${compared}`);
        const plan = (0, planner_1.planRestore)({ snapshot, live, liveReadAt: new Date().toISOString(), account: 'a', apiBaseUrl: 'http://a' });
        // The hashes the plan records are those the stale check finds in the same live account.
        strict_1.default.deepEqual((0, staleness_1.liveChangesSince)(plan, live), []);
        // Contacts that differ are compared field by field (the corrupted ones), not skipped as identical.
        strict_1.default.ok(plan.steps.some((s) => s.entity === 'contacts' && s.reason === 'present-differs'));
        // Orders whose product is gone are relinked to the product the plan restores.
        strict_1.default.ok(plan.steps.some((s) => s.entity === 'orders' && s.reason === 'relink'));
    });
});
//# sourceMappingURL=liveIndex.test.js.map