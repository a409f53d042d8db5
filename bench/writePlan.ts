/**
 * Writes the whole plan of a damaged generated account, its id and creation time fixed, so that two
 * planners' plans can be compared byte for byte (`cmp`) before a change to the planner is kept.
 *   npx tsc -p . && node out/bench/writePlan.js <contacts> <out.json> [disaster=delete-contacts] [update]
 * Prints the planning's CPU time, steps and peak RSS.
 */
import { planRestore } from '../src/core/restore/planner';
import { writePlanFile } from '../src/core/restore/planFile';
import { snapshotOfAccount } from '../test/fixtures/accountSnapshot';
import { applyDisaster, type DisasterKind } from '../src/emulator/disasters';
import { generateAccount } from '../src/emulator/generator';
import { EmulatorStore } from '../src/emulator/store';

async function main(): Promise<void> {
  const contacts = Number(process.argv[2]);
  const out = process.argv[3];
  const disaster = (process.argv[4] ?? 'delete-contacts') as DisasterKind;
  const store = new EmulatorStore();
  generateAccount(store, { seed: 'bench-plan', size: contacts });
  const snapshot = await snapshotOfAccount(store);
  applyDisaster(store, { kind: disaster, fraction: 0.1, seed: 1 });
  const live = await snapshotOfAccount(store);
  const cpu = process.cpuUsage();
  const plan = planRestore({
    snapshot,
    live,
    liveReadAt: 'READ_AT',
    account: 'bench',
    apiBaseUrl: 'http://bench',
    today: '2026-11-30',
    options: { subscriptionsStartToday: true, updateExisting: process.argv[5] === 'update' },
  });
  const used = process.cpuUsage(cpu);
  console.log(
    `plan CPU ${((used.user + used.system) / 1e6).toFixed(2)} s, ${plan.steps.length} steps, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  );
  // A line per step, as plan files are: large plans are never one string, and `diff` shows the steps that differ.
  await writePlanFile(out, { ...plan, planId: 'PLAN_ID', createdAt: 'CREATED_AT' });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
