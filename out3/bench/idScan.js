"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * How long finding Keap ids takes: a generated workspace of 2,000 files (integration code, configs,
 * SQL, CSV, logs made from the recognizer's corpus, padded with ordinary code to 1–40 KiB, a few to
 * 200 KiB) scanned whole as the extension's background scan and `keap-vault remap` do (walk, read,
 * decode, recognise, look each id up in an id map of 500 restored records), then one edited file
 * scanned again as the extension does after a keystroke, many times. Prints figures; exits 1 when
 * re-scanning one file takes 20 ms or more (the bound for no typing lag).
 *   npm run compile-tests && node out/bench/idScan.js [files]   (default 2000)
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const fileWalk_1 = require("../src/core/integration/fileWalk");
const idMap_1 = require("../src/core/integration/idMap");
const recognize_1 = require("../src/core/integration/recognize");
const textFile_1 = require("../src/core/integration/textFile");
const CORPUS = node_path_1.default.resolve(__dirname, '../../test/unit/integration/corpus');
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
async function corpusTexts(dir = CORPUS) {
    const out = [];
    for (const entry of await node_fs_1.promises.readdir(dir, { withFileTypes: true })) {
        const full = node_path_1.default.join(dir, entry.name);
        if (entry.isDirectory())
            out.push(...(await corpusTexts(full)));
        else if (entry.name !== 'labels.tsv')
            out.push({ name: entry.name, text: await node_fs_1.promises.readFile(full, 'utf8') });
    }
    return out;
}
/** A file of about `bytes`: a corpus snippet (ids shifted so files differ), then filler lines. */
function fileText(snippet, shift, bytes, csv) {
    let text = snippet.replace(/\b(\d{4,5})\b/g, (d) => String(Number(d) + shift));
    if (csv) {
        const header = text.split('\n')[0];
        const rows = text.split('\n').slice(1).filter(Boolean);
        for (let i = 0; text.length < bytes && rows.length; i++)
            text += '\n' + rows[i % rows.length];
        return header && text;
    }
    for (let i = 0; text.length < bytes; i++)
        text += '\n' + FILLER[(i + shift) % FILLER.length];
    return text;
}
async function generate(root, count) {
    const snippets = await corpusTexts();
    let bytes = 0;
    let typical = '';
    let largest = '';
    for (let i = 0; i < count; i++) {
        const s = snippets[i % snippets.length];
        // Most files 1–40 KiB; every 250th 200 KiB (a vendored bundle, a long fixture).
        const size = i % 250 === 0 ? 200 * 1024 : 1024 + ((i * 7919) % (40 * 1024));
        const dir = node_path_1.default.join(root, `pkg${i % 20}`, `mod${Math.floor(i / 20) % 5}`);
        await node_fs_1.promises.mkdir(dir, { recursive: true });
        const file = node_path_1.default.join(dir, `${i}-${s.name}`);
        const text = fileText(s.text, i, size, /\.csv$/.test(s.name));
        await node_fs_1.promises.writeFile(file, text);
        bytes += Buffer.byteLength(text);
        if (i === 1 && s.name.endsWith('.ts'))
            typical = file;
        if (!typical && /\.(js|ts)$/.test(s.name) && size > 8 * 1024 && size < 16 * 1024)
            typical = file;
        if (i === 0)
            largest = file;
    }
    return { bytes, typical, largest };
}
function idMap() {
    const entries = [];
    for (let i = 0; i < 500; i++)
        entries.push({
            entity: i % 2 ? 'orders' : 'contacts',
            oldId: String(18000 + i * 7),
            newId: String(90000 + i),
            planId: 'bench',
            at: new Date().toISOString(),
        });
    return new idMap_1.RemapTable(entries);
}
function stats(samples) {
    const s = [...samples].sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], max: s[s.length - 1] };
}
async function oneFile(file, table, runs = 200) {
    const text = await node_fs_1.promises.readFile(file, 'utf8');
    const samples = [];
    let ids = 0;
    for (let i = 0; i < runs + 20; i++) {
        // An edit: one character changes, as after a keystroke (no cache can answer).
        const edited = text.slice(0, i) + (i % 10) + text.slice(i + 1);
        const t0 = process.hrtime.bigint();
        // What the extension does: the file's ids, then each looked up in the id maps (for its warning).
        const found = (0, recognize_1.findKeapIds)(edited, { fileName: file });
        for (const o of found)
            table.lookup(o.kind, o.id);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (i >= 20)
            samples.push(ms); // the first runs warm the JIT up
        ids = found.length;
    }
    return { bytes: Buffer.byteLength(text), ids, ms: stats(samples) };
}
async function main() {
    const count = Number(process.argv[2] ?? 2000);
    const root = await node_fs_1.promises.mkdtemp(node_path_1.default.join((0, node_os_1.tmpdir)(), 'kv-idscan-'));
    try {
        const generated = await generate(root, count);
        const table = idMap();
        const t0 = Date.now();
        let files = 0;
        let ids = 0;
        let stale = 0;
        let skipped = 0;
        for await (const item of (0, fileWalk_1.walkFiles)([root])) {
            if ('skipped' in item) {
                skipped++;
                continue;
            }
            const decoded = (0, textFile_1.decodeTextFile)(await node_fs_1.promises.readFile(item.file));
            if (!decoded)
                continue;
            files++;
            const found = (0, recognize_1.findKeapIds)(decoded.text, { fileName: item.file });
            ids += found.length;
            for (const o of found)
                if (table.lookup(o.kind, o.id))
                    stale++;
        }
        const fullMs = Date.now() - t0;
        const typical = await oneFile(generated.typical, table);
        const largest = await oneFile(generated.largest, table, 50);
        const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
        console.log(`${new Date().toISOString().slice(0, 10)}, ${(0, node_os_1.cpus)().length} cores, ${((0, node_os_1.totalmem)() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`);
        console.log(`full scan: ${files} files, ${(generated.bytes / 2 ** 20).toFixed(1)} MiB, ${ids} ids (${stale} stale against 500 restored records), ${skipped} skipped: ${fullMs} ms (${(fullMs / files).toFixed(2)} ms a file)`);
        for (const [what, r] of [
            ['typical', typical],
            ['largest', largest],
        ])
            console.log(`re-scan of one edited file (${what}: ${kib(r.bytes)}, ${r.ids} ids): median ${r.ms.median.toFixed(2)} ms, p95 ${r.ms.p95.toFixed(2)} ms, max ${r.ms.max.toFixed(2)} ms`);
        const ok = typical.ms.p95 < ONE_FILE_BOUND_MS && largest.ms.p95 < ONE_FILE_BOUND_MS;
        console.log(ok ? `one file: under ${ONE_FILE_BOUND_MS} ms (p95)` : `one file: ${ONE_FILE_BOUND_MS} ms or more (p95): too slow for typing`);
        return ok ? 0 : 1;
    }
    finally {
        await node_fs_1.promises.rm(root, { recursive: true, force: true });
    }
}
void main().then((code) => {
    process.exitCode = code;
});
//# sourceMappingURL=idScan.js.map