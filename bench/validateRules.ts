/**
 * Validation time per rule, wall and CPU, on one snapshot: a file (`--snapshot=FILE`, e.g. one
 * `bench/responsiveness.js --keep` left) or a generated account with every kind of problem planted
 * (`--contacts=N`). `--findings=FILE` writes the findings as JSON, to compare two versions of the
 * rules byte for byte. `--save=FILE` saves the generated account as a snapshot file and validates
 * that file as opened (as a user's would be), for the next run's `--snapshot=`. Each rule runs alone
 * (`only`), so its CPU time is its own. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/validateRules.js --snapshot=FILE | --contacts=20000 [--save=FILE] [--findings=FILE]
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { SnapshotDb } from '../src/core/snapshot/snapshotDb';
import { ALL_RULES } from '../src/core/validate/rules';
import { validateSnapshot, type ValidationReport } from '../src/core/validate/engine';
import { generateAccount } from '../src/emulator/generator';
import { PLANTED_PROBLEM_KINDS } from '../src/emulator/generator/options';
import { EmulatorStore } from '../src/emulator/store';
import { snapshotOfAccount } from '../test/fixtures/accountSnapshot';

const option = (name: string) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);

async function snapshot(): Promise<SnapshotDb> {
  const file = option('snapshot');
  if (file) return SnapshotDb.open(file);
  const store = new EmulatorStore();
  generateAccount(store, {
    seed: 'bench',
    size: Number(option('contacts') ?? 20_000),
    plant: Object.fromEntries(PLANTED_PROBLEM_KINDS.map((k) => [k, 5])),
  });
  const db = await snapshotOfAccount(store);
  const save = option('save');
  if (!save) return db;
  await db.save(save, {
    snapshotId: 'bench',
    account: 'bench.keap-vault.local',
    apiBaseUrl: 'http://127.0.0.1/crm/rest',
    startedAt: '2026-11-01T12:00:00.000Z',
    finishedAt: '2026-11-01T12:00:05.000Z',
  });
  db.close();
  return SnapshotDb.open(save);
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  const db = await snapshot();
  const rows = Object.values(db.counts()).reduce((a, b) => a + b, 0);
  console.log(
    `Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GiB, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${rows.toLocaleString('en-US')} rows`,
  );
  const settings = { now: '2026-11-01T12:00:05.000Z' };
  let wall = 0;
  let cpu = 0;
  const findings: ValidationReport['findings'] = [];
  for (const rule of ALL_RULES) {
    const [w, c] = [performance.now(), cpuMs()];
    const report = validateSnapshot(db, { only: [rule.id], settings });
    const [dw, dc] = [performance.now() - w, cpuMs() - c];
    wall += dw;
    cpu += dc;
    findings.push(...report.findings);
    console.log(
      `  ${rule.id.padEnd(30)} wall ${dw.toFixed(0).padStart(6)} ms  cpu ${dc.toFixed(0).padStart(6)} ms  ${report.findings.length} findings`,
    );
  }
  console.log(
    `  ${'total'.padEnd(30)} wall ${wall.toFixed(0).padStart(6)} ms  cpu ${cpu.toFixed(0).padStart(6)} ms  ${findings.length} findings`,
  );
  const out = option('findings');
  if (out) writeFileSync(out, JSON.stringify(findings, null, 1));
  db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
