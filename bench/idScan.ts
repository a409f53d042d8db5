/**
 * How long finding Keap ids takes: a generated workspace of 2,000 files (integration code, configs,
 * SQL, CSV, logs made from the recognizer's corpus, padded with ordinary code to 1–40 KiB, a few to
 * 200 KiB) scanned whole as the extension's background scan and `keap-vault remap` do (walk, read,
 * decode, recognise, look each id up in an id map of 500 restored records), then one edited file
 * scanned again as the extension does after a keystroke, many times. Prints figures; exits 1 when
 * re-scanning one file takes 20 ms or more (the bound for no typing lag).
 *   npm run compile-tests && node out/bench/idScan.js [files]   (default 2000)
 */
import { promises as fs } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { walkFiles } from '../src/core/integration/fileWalk';
import { RemapTable } from '../src/core/integration/idMap';
import { findKeapIds } from '../src/core/integration/recognize';
import { decodeTextFile } from '../src/core/integration/textFile';
import type { IdMapEntry } from '../src/core/restore/ledger';

const CORPUS = path.resolve(__dirname, '../../test/unit/integration/corpus');
const ONE_FILE_BOUND_MS = 20;

/** Ordinary code around the ids: numbers a recognizer must look at and leave (prices, ports, dates, versions). */
const FILLER = [
  'export function total(items) { return items.reduce((sum, i) => sum + i.price * i.quantity, 0) * 1.21; }',
  "const server = http.createServer(handler).listen(8080, '127.0.0.1'); // retry after 30 s",
  "log.info('batch %d of %d done in %d ms', 3, 12, 1534); // 2026-11-27T12:30:00Z",
  'if (response.status === 429) await sleep(1500 + Math.random() * 250);',
  "const VERSION = '4.2.1'; const COLORS = ['#1f6feb', '#ff0000']; const MASK = 0x1f40;",
  '    for i in range(1000):  # page size',
  "        row = {'sku': 'SK-1001', 'price': 49.99, 'weight_g': 1250, 'zip': '94103'}",
  'SELECT count(*) FROM shipments WHERE shipped_at > now() - interval 7 day LIMIT 500;',
];

async function corpusTexts(dir = CORPUS): Promise<Array<{ name: string; text: string }>> {
  const out: Array<{ name: string; text: string }> = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await corpusTexts(full)));
    else if (entry.name !== 'labels.tsv') out.push({ name: entry.name, text: await fs.readFile(full, 'utf8') });
  }
  return out;
}

/** A file of about `bytes`: a corpus snippet (ids shifted so files differ), then filler lines. */
function fileText(snippet: string, shift: number, bytes: number, csv: boolean): string {
  let text = snippet.replace(/\b(\d{4,5})\b/g, (d) => String(Number(d) + shift));
  if (csv) {
    const header = text.split('\n')[0];
    const rows = text.split('\n').slice(1).filter(Boolean);
    for (let i = 0; text.length < bytes && rows.length; i++) text += '\n' + rows[i % rows.length];
    return header && text;
  }
  for (let i = 0; text.length < bytes; i++) text += '\n' + FILLER[(i + shift) % FILLER.length];
  return text;
}

async function generate(root: string, count: number): Promise<{ bytes: number; typical: string; largest: string }> {
  const snippets = await corpusTexts();
  let bytes = 0;
  let typical = '';
  let largest = '';
  for (let i = 0; i < count; i++) {
    const s = snippets[i % snippets.length];
    // Most files 1–40 KiB; every 250th 200 KiB (a vendored bundle, a long fixture).
    const size = i % 250 === 0 ? 200 * 1024 : 1024 + ((i * 7919) % (40 * 1024));
    const dir = path.join(root, `pkg${i % 20}`, `mod${Math.floor(i / 20) % 5}`);
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${i}-${s.name}`);
    const text = fileText(s.text, i, size, /\.csv$/.test(s.name));
    await fs.writeFile(file, text);
    bytes += Buffer.byteLength(text);
    if (i === 1 && s.name.endsWith('.ts')) typical = file;
    if (!typical && /\.(js|ts)$/.test(s.name) && size > 8 * 1024 && size < 16 * 1024) typical = file;
    if (i === 0) largest = file;
  }
  return { bytes, typical, largest };
}

function idMap(): RemapTable {
  const entries: IdMapEntry[] = [];
  for (let i = 0; i < 500; i++)
    entries.push({
      entity: i % 2 ? 'orders' : 'contacts',
      oldId: String(18000 + i * 7),
      newId: String(90000 + i),
      planId: 'bench',
      at: new Date().toISOString(),
    });
  return new RemapTable(entries);
}

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], max: s[s.length - 1] };
}

async function oneFile(file: string, table: RemapTable, runs = 200): Promise<{ bytes: number; ids: number; ms: ReturnType<typeof stats> }> {
  const text = await fs.readFile(file, 'utf8');
  const samples: number[] = [];
  let ids = 0;
  for (let i = 0; i < runs + 20; i++) {
    // An edit: one character changes, as after a keystroke (no cache can answer).
    const edited = text.slice(0, i) + (i % 10) + text.slice(i + 1);
    const t0 = process.hrtime.bigint();
    // What the extension does: the file's ids, then each looked up in the id maps (for its warning).
    const found = findKeapIds(edited, { fileName: file });
    for (const o of found) table.lookup(o.kind, o.id);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i >= 20) samples.push(ms); // the first runs warm the JIT up
    ids = found.length;
  }
  return { bytes: Buffer.byteLength(text), ids, ms: stats(samples) };
}

async function main(): Promise<number> {
  const count = Number(process.argv[2] ?? 2000);
  const root = await fs.mkdtemp(path.join(tmpdir(), 'kv-idscan-'));
  try {
    const generated = await generate(root, count);
    const table = idMap();
    const t0 = Date.now();
    let files = 0;
    let ids = 0;
    let stale = 0;
    let skipped = 0;
    for await (const item of walkFiles([root])) {
      if ('skipped' in item) {
        skipped++;
        continue;
      }
      const decoded = decodeTextFile(await fs.readFile(item.file));
      if (!decoded) continue;
      files++;
      const found = findKeapIds(decoded.text, { fileName: item.file });
      ids += found.length;
      for (const o of found) if (table.lookup(o.kind, o.id)) stale++;
    }
    const fullMs = Date.now() - t0;
    const typical = await oneFile(generated.typical, table);
    const largest = await oneFile(generated.largest, table, 50);
    const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
    console.log(
      `${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`,
    );
    console.log(
      `full scan: ${files} files, ${(generated.bytes / 2 ** 20).toFixed(1)} MiB, ${ids} ids (${stale} stale against 500 restored records), ${skipped} skipped: ${fullMs} ms (${(fullMs / files).toFixed(2)} ms a file)`,
    );
    for (const [what, r] of [
      ['typical', typical],
      ['largest', largest],
    ] as const)
      console.log(
        `re-scan of one edited file (${what}: ${kib(r.bytes)}, ${r.ids} ids): median ${r.ms.median.toFixed(2)} ms, p95 ${r.ms.p95.toFixed(2)} ms, max ${r.ms.max.toFixed(2)} ms`,
      );
    const ok = typical.ms.p95 < ONE_FILE_BOUND_MS && largest.ms.p95 < ONE_FILE_BOUND_MS;
    console.log(
      ok ? `one file: under ${ONE_FILE_BOUND_MS} ms (p95)` : `one file: ${ONE_FILE_BOUND_MS} ms or more (p95): too slow for typing`,
    );
    return ok ? 0 : 1;
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

void main().then((code) => {
  process.exitCode = code;
});
