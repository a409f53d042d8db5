"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Writes the whole plan of a damaged generated account, its id and creation time fixed, so that two
 * planners' plans can be compared byte for byte (`cmp`) before a change to the planner is kept.
 *   npx tsc -p . && node out/bench/writePlan.js <contacts> <out.json> [disaster=delete-contacts] [update]
 * Prints the planning's CPU time, steps and peak RSS.
 */
const planner_1 = require("../src/core/restore/planner");
const planFile_1 = require("../src/core/restore/planFile");
const accountSnapshot_1 = require("../test/fixtures/accountSnapshot");
const disasters_1 = require("../src/emulator/disasters");
const generator_1 = require("../src/emulator/generator");
const store_1 = require("../src/emulator/store");
async function main() {
    const contacts = Number(process.argv[2]);
    const out = process.argv[3];
    const disaster = (process.argv[4] ?? 'delete-contacts');
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed: 'bench-plan', size: contacts });
    const snapshot = await (0, accountSnapshot_1.snapshotOfAccount)(store);
    (0, disasters_1.applyDisaster)(store, { kind: disaster, fraction: 0.1, seed: 1 });
    const live = await (0, accountSnapshot_1.snapshotOfAccount)(store);
    const cpu = process.cpuUsage();
    const plan = (0, planner_1.planRestore)({
        snapshot,
        live,
        liveReadAt: 'READ_AT',
        account: 'bench',
        apiBaseUrl: 'http://bench',
        today: '2026-11-30',
        options: { subscriptionsStartToday: true, updateExisting: process.argv[5] === 'update' },
    });
    const used = process.cpuUsage(cpu);
    console.log(`plan CPU ${((used.user + used.system) / 1e6).toFixed(2)} s, ${plan.steps.length} steps, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
    // A line per step, as plan files are: large plans are never one string, and `diff` shows the steps that differ.
    await (0, planFile_1.writePlanFile)(out, { ...plan, planId: 'PLAN_ID', createdAt: 'CREATED_AT' });
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=writePlan.js.map