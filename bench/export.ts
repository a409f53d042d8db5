/**
 * How fast a snapshot exports to NDJSON and CSV, and whether export memory grows with the rows.
 * Builds a snapshot from a generated account at two sizes (contacts/10 and contacts), then runs
 * each export in a fresh child process (peak RSS is per process and never goes down), next to a
 * child that only opens the snapshot. Opening holds the whole database in memory (sql.js) and sets
 * the process peak; what exporting adds is RSS and heap sampled during the export against the
 * figures just before it. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/export.js [contacts=200000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportSnapshot, type ExportFormat } from '../src/core/snapshot/export';
import { SnapshotDb } from '../src/core/snapshot/snapshotDb';
import { snapshotOfAccount } from '../test/fixtures/accountSnapshot';
import { generateAccount } from '../src/emulator/generator';
import { EmulatorStore } from '../src/emulator/store';

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

interface ChildReport {
  mode: 'open' | ExportFormat;
  rows: number;
  bytes: number;
  seconds: number;
  heapBefore: number;
  heapPeak: number;
  heapAfter: number;
  rssBefore: number;
  rssPeak: number;
  maxRss: number;
}

async function buildSnapshot(contacts: number, file: string): Promise<void> {
  const store = new EmulatorStore();
  const t0 = Date.now();
  generateAccount(store, { seed: 'bench-export', size: contacts });
  const db = await snapshotOfAccount(store);
  const now = new Date().toISOString();
  const meta = await db.save(file, {
    snapshotId: 'bench',
    account: 'bench',
    apiBaseUrl: 'http://127.0.0.1/crm/rest',
    startedAt: now,
    finishedAt: now,
  });
  db.close();
  const rows = Object.values(meta.counts).reduce((n, c) => n + (c ?? 0), 0);
  console.log(
    `${contacts} contacts: ${rows} rows in all tables, ${Object.entries(meta.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}; ` + `snapshot ${mb((await fs.stat(file)).size)}, built in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/** In the child: open the snapshot, then (unless mode is 'open') export it, and report. */
async function child(mode: 'open' | ExportFormat, file: string, outDir: string): Promise<void> {
  const db = await SnapshotDb.open(file);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let heapPeak = heapBefore;
  let rssPeak = rssBefore;
  let rows = 0;
  let bytes = 0;
  const t0 = process.hrtime.bigint();
  if (mode !== 'open') {
    const result = await exportSnapshot(db, {
      format: mode,
      outDir,
      // Sampled every few thousand rows: what exporting adds on top of the opened snapshot.
      onProgress: () => {
        const usage = process.memoryUsage();
        heapPeak = Math.max(heapPeak, usage.heapUsed);
        rssPeak = Math.max(rssPeak, usage.rss);
      },
    });
    rows = Object.values(result.counts).reduce((n, c) => n + (c ?? 0), 0);
    bytes = result.files.reduce((n, f) => n + f.bytes, 0);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  gc?.();
  const report: ChildReport = {
    mode,
    rows,
    bytes,
    seconds,
    heapBefore,
    heapPeak,
    heapAfter: process.memoryUsage().heapUsed,
    rssBefore,
    rssPeak,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  db.close();
  process.stdout.write(JSON.stringify(report) + '\n');
}

function runChild(mode: 'open' | ExportFormat, file: string, outDir: string): ChildReport {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--child', mode, file, outDir], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildReport;
}

async function measure(contacts: number, dir: string): Promise<void> {
  const file = path.join(dir, `bench-${contacts}.kvsnap`);
  await buildSnapshot(contacts, file);
  const open = runChild('open', file, '');
  console.log(`  open only          peak RSS ${mb(open.maxRss)}, RSS once open ${mb(open.rssBefore)}, heap ${mb(open.heapBefore)}`);
  for (const format of ['ndjson', 'csv'] as const) {
    const outDir = path.join(dir, `${format}-${contacts}`);
    const r = runChild(format, file, outDir);
    console.log(
      `  export ${format.padEnd(6)}      ${r.rows} rows, ${mb(r.bytes)} in ${r.seconds.toFixed(1)} s = ${Math.round(r.rows / r.seconds)} rows/s; ` +
        `RSS ${mb(r.rssBefore)} before, ${mb(r.rssPeak)} at most during export; process peak RSS ${mb(r.maxRss)} (open only: ${mb(open.maxRss)}); ` +
        `heap before ${mb(r.heapBefore)}, peak ${mb(r.heapPeak)}, after ${mb(r.heapAfter)}`,
    );
    rmSync(outDir, { recursive: true, force: true });
  }
  rmSync(file, { force: true });
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3] as 'open' | ExportFormat, process.argv[4], process.argv[5]);
  const contacts = Number(process.argv[2] ?? 200_000);
  console.log(
    `${new Date().toISOString().slice(0, 10)}; Node ${process.version}; ${os.cpus().length} cores, ${mb(os.totalmem())} RAM; ${os.platform()} ${os.release()}`,
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kv-bench-export-'));
  try {
    for (const size of [Math.max(100, Math.round(contacts / 10)), contacts]) await measure(size, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
