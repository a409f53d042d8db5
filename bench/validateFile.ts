/**
 * Peak memory of checking an import file against a snapshot, for JSON arrays, NDJSON and CSV of
 * 10 MB, 100 MB and 1 GB. Each file is checked in its own process, so a peak is the validator's
 * alone. Prints figures and each peak's ratio to the 10 MB one (the goal is flat); asserts nothing.
 *   npm run compile-tests && node out/bench/validateFile.js [MB ...]   (default: 10 100 1000)
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, promises as fs } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { SnapshotDb } from '../src/core/snapshot/snapshotDb';
import { validateFileOnDisk } from '../src/core/validate/files/validateFile';
import { generatedSnapshotFile, tempDir } from '../test/unit/support/snapshots';

const FORMATS = ['json', 'ndjson', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

interface ChildResult {
  records: number;
  findings: number;
  seconds: number;
  peakRss: number;
}

/** In the child: check one file, print what it cost. */
async function child(snapshot: string, file: string): Promise<void> {
  const db = await SnapshotDb.open(snapshot);
  const t0 = Date.now();
  const result = await validateFileOnDisk(db, file);
  const out: ChildResult = {
    records: result.records,
    findings: result.findings.length,
    seconds: (Date.now() - t0) / 1000,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
  db.close();
  console.log(JSON.stringify(out));
}

/** Orders as an import would hold them: every one for a contact and products the snapshot has, ids unique. */
function* orders(contacts: string[], products: string[]): Generator<Record<string, unknown>> {
  for (let i = 0; ; i++) {
    yield {
      // Numeric, as Keap's ids are, and far above the snapshot's (no order of the file is one it has).
      id: String(900_000_000 + i),
      contact_id: contacts[i % contacts.length],
      order_title: `Import ${i}: Café order – ${i % 7} items`,
      order_time: '2026-11-01T12:00:00.000Z',
      status: 'PAID',
      order_items: [
        { product_id: products[i % products.length], quantity: 1 + (i % 3), price: { amount: 19.5 } },
        { product_id: products[(i + 1) % products.length], quantity: 1 },
      ],
    };
  }
}

function line(record: Record<string, unknown>, format: Format, first: boolean): string {
  if (format === 'ndjson') return `${JSON.stringify(record)}\n`;
  if (format === 'json') return `${first ? '[\n' : ',\n'}  ${JSON.stringify(record)}`;
  const cell = JSON.stringify(record.order_items).replace(/"/g, '""');
  return `${first ? 'id,contact_id,order_title,order_time,status,order_items\n' : ''}${record.id as string},${record.contact_id as string},"${record.order_title as string}",${record.order_time as string},${record.status as string},"${cell}"\n`;
}

async function writeFile(file: string, format: Format, bytes: number, contacts: string[], products: string[]): Promise<void> {
  const out = createWriteStream(file);
  let written = 0;
  let first = true;
  let buffer = '';
  for (const record of orders(contacts, products)) {
    buffer += line(record, format, first);
    first = false;
    if (buffer.length > 1 << 20 || written + buffer.length >= bytes) {
      written += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
      if (written >= bytes) break;
    }
  }
  if (format === 'json') out.write('\n]\n');
  out.end();
  await once(out, 'finish');
}

/**
 * Each check runs with its heap capped (`-- --heap=MiB`): peak RSS also counts garbage V8 has not
 * collected yet, which grows with how long a run allocates; a check that completes inside a small
 * fixed heap on every size proves what it keeps is bounded.
 */
const HEAP_MIB = Number(process.argv.find((a) => a.startsWith('--heap='))?.slice('--heap='.length) ?? 0);
const HEAP_CAP = HEAP_MIB ? [`--max-old-space-size=${HEAP_MIB}`] : [];

async function main(): Promise<void> {
  if (process.env.KEAP_VAULT_BENCH_CHILD) return child(process.argv[2], process.argv[3]);
  const sizes = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('--'))
    .map(Number)
    .filter((n) => n > 0);
  console.log(
    `Node ${process.version}, ${cpus().length} cores, ${mib(totalmem())}${HEAP_MIB ? `, each check in a heap capped at ${HEAP_MIB} MiB` : ''}`,
  );
  const dir = tempDir('kv-bench-file-');
  try {
    const { file: snapshot } = await generatedSnapshotFile({ seed: 'bench-file', size: 300 }, dir);
    const db = await SnapshotDb.open(snapshot);
    const contacts = db.all<{ id: string }>('SELECT id FROM contacts').map((r) => r.id);
    const products = db.all<{ id: string }>('SELECT id FROM products').map((r) => r.id);
    db.close();
    console.log(`snapshot: ${contacts.length} contacts, ${products.length} products`);
    console.log('| format | file | records | findings | time | peak RSS | vs 10 MB |');
    console.log('|---|---|---|---|---|---|---|');
    for (const format of FORMATS) {
      let base: number | undefined;
      for (const mb of sizes.length ? sizes : [10, 100, 1000]) {
        const file = path.join(dir, `orders-${mb}mb.${format}`);
        await writeFile(file, format, mb * 1_000_000, contacts, products);
        const size = (await fs.stat(file)).size;
        const run = spawnSync(process.execPath, [...HEAP_CAP, __filename, snapshot, file], {
          env: { ...process.env, KEAP_VAULT_BENCH_CHILD: '1' },
          encoding: 'utf8',
        });
        await fs.rm(file, { force: true });
        if (run.status !== 0) {
          console.log(
            `| ${format} | ${mib(size)} | failed: ${(run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`).slice(0, 160)} |`,
          );
          continue;
        }
        const r = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
        base ??= r.peakRss;
        console.log(
          `| ${format} | ${mib(size)} | ${r.records.toLocaleString('en-US')} | ${r.findings} | ${r.seconds.toFixed(1)} s | ${mib(r.peakRss)} | ${(r.peakRss / base).toFixed(2)}× |`,
        );
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
