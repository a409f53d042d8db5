/**
 * Validation time and peak memory on large generated snapshots. Each size runs in its own process
 * so peak memory is that size's alone. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/validate.js [contacts ...]   (default: 200000)
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { validateSnapshot } from '../src/core/validate/engine';
import { snapshotOfAccount } from '../test/fixtures/accountSnapshot';
import { generateAccount } from '../src/emulator/generator';
import { EmulatorStore } from '../src/emulator/store';

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

async function one(contacts: number): Promise<void> {
  const t0 = Date.now();
  const store = new EmulatorStore();
  const { counts } = generateAccount(store, {
    seed: 'bench',
    size: contacts,
    plant: { 'orphan-order': 5, 'duplicate-order': 5, 'total-mismatch': 5 },
  });
  const t1 = Date.now();
  const db = await snapshotOfAccount(store);
  const t2 = Date.now();
  const report = validateSnapshot(db, { settings: { now: '2026-11-01T12:00:05.000Z' } });
  const t3 = Date.now();
  const rows = Object.values(db.counts()).reduce((a, b) => a + b, 0);
  console.log(
    `${contacts.toLocaleString('en-US')} contacts, ${counts.orders.toLocaleString('en-US')} orders, ${rows.toLocaleString('en-US')} snapshot rows`,
  );
  console.log(
    `  generate ${((t1 - t0) / 1000).toFixed(1)} s, build snapshot ${((t2 - t1) / 1000).toFixed(1)} s, validate ${((t3 - t2) / 1000).toFixed(1)} s (${report.findings.length} findings)`,
  );
  console.log(
    `  slowest rules: ${[...report.rules]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 4)
      .map((r) => `${r.id} ${(r.ms / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  console.log(`  peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`);
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  if (process.env.KEAP_VAULT_BENCH_CHILD) return one(sizes[0]);
  console.log(`Node ${process.version}, ${cpus().length} cores, ${mib(totalmem())}`);
  for (const size of sizes.length ? sizes : [200_000]) {
    const run = spawnSync(process.execPath, ['--max-old-space-size=16384', __filename, String(size)], {
      env: { ...process.env, KEAP_VAULT_BENCH_CHILD: '1' },
      encoding: 'utf8',
    });
    process.stdout.write(run.stdout);
    if (run.status !== 0)
      console.log(
        `  ${size.toLocaleString('en-US')} contacts: failed (${(run.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit ${run.status}`).slice(0, 200)})`,
      );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
