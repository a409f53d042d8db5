"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const commander_1 = require("commander");
const export_1 = require("../../../src/cli/commands/export");
const output_1 = require("../../../src/cli/output");
const entities_1 = require("../../../src/core/snapshot/entities");
const export_2 = require("../../../src/core/snapshot/export");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const snapshots_1 = require("../support/snapshots");
/** Strict RFC 4180: CRLF record ends only, quotes only around whole fields, doubled inside. */
function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (quoted) {
            if (c !== '"') {
                field += c;
                i++;
            }
            else if (text[i + 1] === '"') {
                field += '"';
                i += 2;
            }
            else {
                quoted = false;
                i++;
                if (i < text.length && text[i] !== ',' && text[i] !== '\r')
                    throw new Error(`text after a closing quote at ${i}`);
            }
        }
        else if (c === '"') {
            if (field !== '')
                throw new Error(`quote inside an unquoted field at ${i}`);
            quoted = true;
            i++;
        }
        else if (c === ',') {
            row.push(field);
            field = '';
            i++;
        }
        else if (c === '\r') {
            if (text[i + 1] !== '\n')
                throw new Error(`bare CR at ${i}`);
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
            i += 2;
        }
        else if (c === '\n') {
            throw new Error(`bare LF at ${i}`);
        }
        else {
            field += c;
            i++;
        }
    }
    if (quoted)
        throw new Error('unterminated quoted field');
    if (field !== '' || row.length)
        throw new Error('last record not ended with CRLF');
    return rows;
}
async function readCsv(file) {
    const raw = await node_fs_1.promises.readFile(file, 'utf8');
    strict_1.default.ok(raw.startsWith('\uFEFF'), `${file} starts with a UTF-8 BOM`);
    const [header = [], ...lines] = parseCsv(raw.slice(1));
    for (const line of lines)
        strict_1.default.equal(line.length, header.length, 'every line has a cell per column');
    return { raw, header, records: lines.map((cells) => new Map(header.map((h, i) => [h, cells[i]]))) };
}
/** What a scalar must look like in a cell: numbers as they are, other text neutralised. */
function expectedCell(value) {
    if (value === null)
        return '';
    if (typeof value === 'number')
        return String(value);
    const text = String(value);
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
const unneutralised = (cell) => (cell.startsWith("'") ? cell.slice(1) : cell);
const parsedRows = (db, entity) => [...db.rows(entity)].map((r) => JSON.parse(r.json));
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Checks every top-level and one-level-nested value of each record against its cell. */
function assertCsvMatches(records, rows, entity) {
    strict_1.default.equal(records.length, rows.length, `${entity}: one line per record`);
    rows.forEach((row, n) => {
        const cells = records[n];
        for (const [key, value] of Object.entries(row)) {
            if (Array.isArray(value)) {
                const cell = cells.get(key);
                if (value.every((v) => typeof v !== 'object' || v === null))
                    strict_1.default.equal(unneutralised(cell), value.join(';'), `${entity} ${key}`);
                else
                    strict_1.default.deepEqual(JSON.parse(cell), value, `${entity} ${key} holds the array as JSON`);
            }
            else if (isObject(value)) {
                for (const [sub, v] of Object.entries(value))
                    if (!isObject(v) && !Array.isArray(v))
                        strict_1.default.equal(cells.get(`${key}.${sub}`), expectedCell(v), `${entity} ${key}.${sub}`);
            }
            else {
                strict_1.default.equal(cells.get(key), expectedCell(value), `${entity} ${key}`);
            }
        }
    });
}
function captureIo() {
    const stdout = [];
    const stderr = [];
    return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}
function exportProgram(io) {
    const program = new commander_1.Command('keap-vault').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    (0, export_1.registerExportCommand)(program, io);
    return program;
}
const EDGE_CONTACTS = [
    {
        id: '900001',
        given_name: 'Smith, Jr.',
        family_name: '"Quoted" Name',
        notes: 'line one\nline two\r\nline three',
        score: -12.5,
        balance: { amount: -1250, currency_code: 'USD', formatted_amount: '-$12.50' },
        tag_ids: ['3', '7'],
        custom_fields: [{ id: '1', content: 'a,b;c' }],
        extra: {},
        middle_name: null,
    },
    {
        id: '900002',
        given_name: '=SUM(A1)',
        family_name: '+1',
        middle_name: '-x',
        job_title: '@cmd',
        score: 0,
        website: '=HYPERLINK("http://x","y")',
    },
    { id: '900003', given_name: '\tTabbed', family_name: '\rReturned', job_title: "'already quoted", score: -0.01, opt_in: true },
    {
        id: '900004',
        given_name: 'José',
        family_name: '王',
        middle_name: 'Zoë Åström',
        job_title: '🎉 Party 👩‍💻',
        nickname: 'محمد',
        tag_ids: ['=1+1'],
    },
    { id: '900005', given_name: 'Late', family_name: 'Keys', company: { id: '42', company_name: 'a,b;c Partners' }, phone_numbers: [] },
];
const EDGE_ORDERS = [
    {
        id: '700001',
        title: 'Discounted',
        contact: { id: '900001' },
        total: { amount: -500, formatted_amount: '-$5.00' },
        order_items: [
            { id: '1', name: 'Thing', price_per_unit: { amount: 1000, formatted_amount: '$10.00' }, item_type: 'PRODUCT' },
            { id: '2', name: 'Discount (SAVE)', price_per_unit: { amount: -1500, formatted_amount: '-$15.00' }, item_type: 'DISCOUNT' },
        ],
    },
];
describe('Snapshot export', () => {
    let generated;
    let edge;
    before(async () => {
        const { file } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 11, size: 200 });
        generated = { file, db: await snapshotDb_1.SnapshotDb.open(file) };
        edge = await snapshotDb_1.SnapshotDb.create();
        edge.insert('contacts', EDGE_CONTACTS);
        edge.insert('orders', EDGE_ORDERS);
    });
    after(() => {
        generated.db.close();
        edge.close();
    });
    it('json: one document with the meta and every captured entity, records as stored', async () => {
        const { db } = generated;
        const outDir = node_path_1.default.join((0, snapshots_1.tempDir)(), 'out');
        const progress = [];
        const result = await (0, export_2.exportSnapshot)(db, { format: 'json', outDir, onProgress: (p) => progress.push(p) });
        strict_1.default.deepEqual(result.files.map((f) => node_path_1.default.basename(f.file)), ['snapshot.json']);
        strict_1.default.deepEqual(await node_fs_1.promises.readdir(outDir), ['snapshot.json']);
        const text = await node_fs_1.promises.readFile(result.files[0].file, 'utf8');
        strict_1.default.equal(result.files[0].bytes, Buffer.byteLength(text));
        const doc = JSON.parse(text);
        strict_1.default.deepEqual(doc.meta, db.meta());
        strict_1.default.deepEqual(Object.keys(doc.entities), [...entities_1.CAPTURED_ENTITIES]);
        for (const entity of entities_1.CAPTURED_ENTITIES) {
            strict_1.default.deepEqual(doc.entities[entity], parsedRows(db, entity), entity);
            strict_1.default.equal(result.counts[entity], db.count(entity));
        }
        strict_1.default.equal(result.files[0].rows, entities_1.CAPTURED_ENTITIES.reduce((n, e) => n + db.count(e), 0));
        strict_1.default.deepEqual(progress.filter((p) => p.entity === 'contacts').at(-1), { entity: 'contacts', rows: db.count('contacts') });
        if (process.platform !== 'win32')
            strict_1.default.equal((await node_fs_1.promises.stat(result.files[0].file)).mode & 0o777, 0o600, 'personal data: owner only');
    });
    it('json: hand-made records with newlines, quotes and non-ASCII round-trip too', async () => {
        const outDir = (0, snapshots_1.tempDir)();
        const result = await (0, export_2.exportSnapshot)(edge, { format: 'json', outDir, entities: ['contacts', 'orders', 'tags'] });
        const doc = JSON.parse(await node_fs_1.promises.readFile(result.files[0].file, 'utf8'));
        strict_1.default.deepEqual(doc.entities, { contacts: EDGE_CONTACTS, orders: EDGE_ORDERS, tags: [] });
    });
    it('ndjson: a file per entity, one raw record per line, plus meta.json', async () => {
        const { db } = generated;
        const outDir = (0, snapshots_1.tempDir)();
        const result = await (0, export_2.exportSnapshot)(db, { format: 'ndjson', outDir });
        strict_1.default.deepEqual(result.files.map((f) => node_path_1.default.basename(f.file)), [...entities_1.CAPTURED_ENTITIES.map((e) => `${e}.ndjson`), 'meta.json']);
        for (const entity of entities_1.CAPTURED_ENTITIES) {
            const text = await node_fs_1.promises.readFile(node_path_1.default.join(outDir, `${entity}.ndjson`), 'utf8');
            const lines = text.split('\n');
            strict_1.default.equal(lines.pop(), '', 'ends with a newline');
            strict_1.default.deepEqual(lines, [...db.rows(entity)].map((r) => r.json), entity);
            strict_1.default.equal(result.files.find((f) => f.entity === entity).rows, lines.length);
        }
        strict_1.default.deepEqual(JSON.parse(await node_fs_1.promises.readFile(node_path_1.default.join(outDir, 'meta.json'), 'utf8')), db.meta());
        const edgeDir = (0, snapshots_1.tempDir)();
        await (0, export_2.exportSnapshot)(edge, { format: 'ndjson', outDir: edgeDir, entities: ['contacts'] });
        const lines = (await node_fs_1.promises.readFile(node_path_1.default.join(edgeDir, 'contacts.ndjson'), 'utf8')).trimEnd().split('\n');
        strict_1.default.deepEqual(lines.map((l) => JSON.parse(l)), EDGE_CONTACTS, 'newlines inside values stay escaped: one record per line');
    });
    it('ndjson: derived entities carry their parent id', async () => {
        const { db } = generated;
        const outDir = (0, snapshots_1.tempDir)();
        await (0, export_2.exportSnapshot)(db, { format: 'ndjson', outDir, entities: ['order_items', 'contact_tags'] });
        const items = (await node_fs_1.promises.readFile(node_path_1.default.join(outDir, 'order_items.ndjson'), 'utf8'))
            .trimEnd()
            .split('\n')
            .map((l) => JSON.parse(l));
        strict_1.default.equal(items.length, db.count('order_items'));
        const orderOfItem = new Map();
        for (const order of parsedRows(db, 'orders'))
            for (const item of order.order_items)
                orderOfItem.set(item.id, order.id);
        for (const item of items)
            strict_1.default.equal(item.order_id, orderOfItem.get(item.id));
        const tags = (await node_fs_1.promises.readFile(node_path_1.default.join(outDir, 'contact_tags.ndjson'), 'utf8'))
            .trimEnd()
            .split('\n')
            .map((l) => JSON.parse(l));
        strict_1.default.equal(tags.length, db.count('contact_tags'));
        strict_1.default.ok(tags.every((t) => /^\d+$/.test(t.contact_id) && /^\d+$/.test(t.tag_id)));
    });
    it('csv: every entity of a generated account, flattened, RFC 4180, with a BOM', async () => {
        const { db } = generated;
        const outDir = (0, snapshots_1.tempDir)();
        const result = await (0, export_2.exportSnapshot)(db, { format: 'csv', outDir });
        for (const entity of entities_1.CAPTURED_ENTITIES) {
            const { header, records } = await readCsv(node_path_1.default.join(outDir, `${entity}.csv`));
            strict_1.default.equal(new Set(header).size, header.length, 'no duplicate columns');
            strict_1.default.equal(result.files.find((f) => f.entity === entity).rows, records.length);
            assertCsvMatches(records, parsedRows(db, entity), entity);
        }
        const orders = await readCsv(node_path_1.default.join(outDir, 'orders.csv'));
        for (const column of ['id', 'contact.id', 'total.amount', 'total.formatted_amount', 'order_items'])
            strict_1.default.ok(orders.header.includes(column), column);
    });
    it('csv: negative discount prices stay numbers while their formatted text is neutralised', async () => {
        const { db } = generated;
        const outDir = (0, snapshots_1.tempDir)();
        await (0, export_2.exportSnapshot)(db, { format: 'csv', outDir, entities: ['order_items'] });
        const { header, records } = await readCsv(node_path_1.default.join(outDir, 'order_items.csv'));
        strict_1.default.equal(header[0], 'order_id');
        const discounts = records.filter((r) => r.get('item_type') === 'DISCOUNT');
        strict_1.default.ok(discounts.length > 0, 'the generated account has discount lines');
        for (const d of discounts) {
            strict_1.default.match(d.get('price_per_unit.amount'), /^-\d+$/);
            strict_1.default.match(d.get('price_per_unit.formatted_amount'), /^'-\$[\d,]+\.\d\d$/);
        }
        assertCsvMatches(records, [...db.all('SELECT order_id, json FROM order_items ORDER BY rowid')].map((r) => ({
            order_id: r.order_id,
            ...JSON.parse(r.json),
        })), 'order_items');
    });
    it('csv: quoting, formula neutralisation, numbers and non-ASCII in hand-made records', async () => {
        const outDir = (0, snapshots_1.tempDir)();
        await (0, export_2.exportSnapshot)(edge, { format: 'csv', outDir, entities: ['contacts', 'orders'] });
        const { raw, header, records } = await readCsv(node_path_1.default.join(outDir, 'contacts.csv'));
        // Columns: the union of keys in first-seen order; nested objects dotted; empty objects give none.
        strict_1.default.deepEqual(header, [
            'id',
            'given_name',
            'family_name',
            'notes',
            'score',
            'balance.amount',
            'balance.currency_code',
            'balance.formatted_amount',
            'tag_ids',
            'custom_fields',
            'middle_name',
            'job_title',
            'website',
            'opt_in',
            'nickname',
            'company.id',
            'company.company_name',
            'phone_numbers',
        ]);
        const [a, b, c, d, e] = records;
        // Quoting: commas, quotes and line breaks survive, quotes doubled, the field wrapped.
        strict_1.default.equal(a.get('given_name'), 'Smith, Jr.');
        strict_1.default.equal(a.get('family_name'), '"Quoted" Name');
        strict_1.default.equal(a.get('notes'), 'line one\nline two\r\nline three');
        strict_1.default.ok(raw.includes('"Smith, Jr.","""Quoted"" Name","line one\nline two\r\nline three"'));
        strict_1.default.equal(a.get('custom_fields'), '[{"id":"1","content":"a,b;c"}]');
        strict_1.default.ok(raw.includes('"[{""id"":""1"",""content"":""a,b;c""}]"'));
        strict_1.default.equal(a.get('tag_ids'), '3;7');
        strict_1.default.equal(a.get('middle_name'), '', 'null is an empty cell');
        // Numbers stay numbers, even negative; text that a spreadsheet would evaluate gets a leading quote.
        strict_1.default.equal(a.get('score'), '-12.5');
        strict_1.default.equal(a.get('balance.amount'), '-1250');
        strict_1.default.equal(a.get('balance.formatted_amount'), "'-$12.50");
        strict_1.default.ok(raw.includes(',-12.5,-1250,USD,'), 'negative numbers are written bare');
        strict_1.default.equal(b.get('given_name'), "'=SUM(A1)");
        strict_1.default.equal(b.get('family_name'), "'+1");
        strict_1.default.equal(b.get('middle_name'), "'-x");
        strict_1.default.equal(b.get('job_title'), "'@cmd");
        strict_1.default.equal(b.get('score'), '0');
        strict_1.default.equal(b.get('website'), `'=HYPERLINK("http://x","y")`);
        strict_1.default.ok(raw.includes(`"'=HYPERLINK(""http://x"",""y"")"`));
        strict_1.default.equal(c.get('given_name'), "'\tTabbed");
        strict_1.default.equal(c.get('family_name'), "'\rReturned");
        strict_1.default.equal(c.get('job_title'), "'already quoted", 'a leading quote alone is not a formula');
        strict_1.default.equal(c.get('score'), '-0.01');
        strict_1.default.equal(c.get('opt_in'), 'true');
        // Non-ASCII intact, and joined arrays are neutralised as a whole.
        strict_1.default.deepEqual([d.get('given_name'), d.get('family_name'), d.get('middle_name'), d.get('job_title'), d.get('nickname')], ['José', '王', 'Zoë Åström', '🎉 Party 👩‍💻', 'محمد']);
        strict_1.default.equal(d.get('tag_ids'), "'=1+1");
        strict_1.default.equal(e.get('company.company_name'), 'a,b;c Partners');
        strict_1.default.equal(e.get('phone_numbers'), '', 'an empty array is an empty cell');
        strict_1.default.equal(a.get('company.id'), '', 'columns first seen later are empty for earlier rows');
        assertCsvMatches(records, EDGE_CONTACTS, 'contacts');
        const orders = await readCsv(node_path_1.default.join(outDir, 'orders.csv'));
        strict_1.default.equal(orders.records[0].get('total.amount'), '-500');
        strict_1.default.equal(orders.records[0].get('total.formatted_amount'), "'-$5.00");
        strict_1.default.deepEqual(JSON.parse(orders.records[0].get('order_items')), EDGE_ORDERS[0].order_items);
        const noBom = (0, snapshots_1.tempDir)();
        await (0, export_2.exportSnapshot)(edge, { format: 'csv', outDir: noBom, entities: ['contacts'], bom: false });
        strict_1.default.equal(await node_fs_1.promises.readFile(node_path_1.default.join(noBom, 'contacts.csv'), 'utf8'), raw.slice(1));
    });
    it('refuses to overwrite an existing file unless asked, naming it; nothing is half-replaced', async () => {
        const outDir = (0, snapshots_1.tempDir)();
        await (0, export_2.exportSnapshot)(edge, { format: 'ndjson', outDir, entities: ['contacts', 'orders'] });
        await node_fs_1.promises.writeFile(node_path_1.default.join(outDir, 'orders.ndjson'), 'keep me');
        const before = await node_fs_1.promises.readFile(node_path_1.default.join(outDir, 'contacts.ndjson'), 'utf8');
        await strict_1.default.rejects((0, export_2.exportSnapshot)(generated.db, { format: 'ndjson', outDir, entities: ['contacts', 'orders'] }), (err) => err instanceof export_2.ExportExistsError &&
            err.file === node_path_1.default.join(outDir, 'contacts.ndjson') &&
            err.message.includes(node_path_1.default.join(outDir, 'contacts.ndjson')) &&
            /--overwrite/.test(err.message));
        strict_1.default.equal(await node_fs_1.promises.readFile(node_path_1.default.join(outDir, 'contacts.ndjson'), 'utf8'), before);
        strict_1.default.equal(await node_fs_1.promises.readFile(node_path_1.default.join(outDir, 'orders.ndjson'), 'utf8'), 'keep me');
        strict_1.default.deepEqual((await node_fs_1.promises.readdir(outDir)).sort(), ['contacts.ndjson', 'meta.json', 'orders.ndjson']);
        const result = await (0, export_2.exportSnapshot)(generated.db, { format: 'ndjson', outDir, entities: ['contacts', 'orders'], overwrite: true });
        strict_1.default.equal(result.counts.contacts, generated.db.count('contacts'));
        strict_1.default.equal((await node_fs_1.promises.readFile(node_path_1.default.join(outDir, 'orders.ndjson'), 'utf8')).split('\n').length - 1, generated.db.count('orders'));
        strict_1.default.deepEqual((await node_fs_1.promises.readdir(outDir)).sort(), ['contacts.ndjson', 'meta.json', 'orders.ndjson'], 'no temporary files left');
    });
    it('never writes outside the output folder', async () => {
        const parent = (0, snapshots_1.tempDir)();
        const outDir = node_path_1.default.join(parent, 'out');
        for (const format of ['json', 'ndjson', 'csv']) {
            await strict_1.default.rejects((0, export_2.exportSnapshot)(edge, { format, outDir, entities: ['contacts', '../x'] }), (err) => err instanceof export_2.ExportEntityError && /Unknown entity '\.\.\/x'/.test(err.message));
        }
        await strict_1.default.rejects((0, export_2.exportSnapshot)(edge, { format: 'csv', outDir, entities: [] }), export_2.ExportEntityError);
        strict_1.default.deepEqual(await node_fs_1.promises.readdir(parent), [], 'nothing written, not even the folder');
        strict_1.default.equal((0, export_2.safeJoin)(outDir, 'contacts.csv'), node_path_1.default.join(outDir, 'contacts.csv'));
        strict_1.default.equal((0, export_2.safeJoin)(outDir, '..contacts.csv'), node_path_1.default.join(outDir, '..contacts.csv'));
        for (const bad of ['../x', '../../etc/passwd', 'a/../../x', '/etc/passwd', '.', '', 'a\0b']) {
            strict_1.default.throws(() => (0, export_2.safeJoin)(outDir, bad), (err) => err instanceof export_2.ExportPathError && err.message.includes(outDir), bad);
        }
    });
    it('cancelling leaves no file under a final name and no temporary files; rejects with the reason', async () => {
        for (const format of ['json', 'ndjson', 'csv']) {
            const outDir = (0, snapshots_1.tempDir)();
            await node_fs_1.promises.writeFile(node_path_1.default.join(outDir, 'contacts.csv'), 'old');
            const controller = new AbortController();
            const reason = new Error('user cancelled');
            // The first progress report comes once contacts are done: the middle of the export.
            const progress = (0, export_2.exportSnapshot)(generated.db, {
                format,
                outDir,
                overwrite: true,
                signal: controller.signal,
                onProgress: () => controller.abort(reason),
            });
            await strict_1.default.rejects(progress, (err) => err === reason);
            strict_1.default.deepEqual(await node_fs_1.promises.readdir(outDir), ['contacts.csv'], format);
            strict_1.default.equal(await node_fs_1.promises.readFile(node_path_1.default.join(outDir, 'contacts.csv'), 'utf8'), 'old', 'an existing file is kept');
        }
        const aborted = new AbortController();
        aborted.abort(new Error('before start'));
        const untouched = node_path_1.default.join((0, snapshots_1.tempDir)(), 'never');
        await strict_1.default.rejects((0, export_2.exportSnapshot)(generated.db, { format: 'csv', outDir: untouched, signal: aborted.signal }), /before start/);
        await strict_1.default.rejects(node_fs_1.promises.stat(untouched), { code: 'ENOENT' });
    });
    it('cancelling at any moment: either every file is complete or none exists', async () => {
        const outcomes = new Set();
        for (const delay of [0, 1, 5, 20, 60, 10_000]) {
            const outDir = (0, snapshots_1.tempDir)();
            const controller = new AbortController();
            const timer = setTimeout(() => controller.abort(new Error('timeout')), delay);
            const outcome = await (0, export_2.exportSnapshot)(generated.db, { format: 'csv', outDir, signal: controller.signal }).then(() => 'done', (err) => err.message);
            clearTimeout(timer);
            const files = await node_fs_1.promises.readdir(outDir);
            if (outcome === 'done')
                strict_1.default.deepEqual(files.sort(), entities_1.CAPTURED_ENTITIES.map((e) => `${e}.csv`).sort());
            else
                strict_1.default.deepEqual([outcome, files], ['timeout', []]);
            outcomes.add(outcome);
        }
        strict_1.default.ok(outcomes.has('done') && outcomes.has('timeout'), 'both outcomes were seen');
    });
    describe('keap-vault export', () => {
        const saved = process.env.KEAP_VAULT_SNAPSHOT_KEY;
        afterEach(() => {
            if (saved === undefined)
                delete process.env.KEAP_VAULT_SNAPSHOT_KEY;
            else
                process.env.KEAP_VAULT_SNAPSHOT_KEY = saved;
        });
        it('exports an encrypted snapshot with the key from KEAP_VAULT_SNAPSHOT_KEY, as JSON or lines', async () => {
            const dir = (0, snapshots_1.tempDir)();
            const { file } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 12, size: 40 }, dir, 'export secret');
            const outDir = node_path_1.default.join(dir, 'csv');
            const withoutKey = captureIo();
            delete process.env.KEAP_VAULT_SNAPSHOT_KEY;
            await strict_1.default.rejects(exportProgram(withoutKey).parseAsync(['export', file, '--format', 'csv', '--out', outDir], { from: 'user' }), /encrypted: supply its key/);
            process.env.KEAP_VAULT_SNAPSHOT_KEY = 'export secret';
            const io = captureIo();
            await exportProgram(io).parseAsync(['export', file, '--format', 'csv', '--out', outDir, '--entity', 'contacts, orders', '--json'], {
                from: 'user',
            });
            const report = JSON.parse(io.stdout.join('\n'));
            strict_1.default.deepEqual(report.files.map((f) => [f.entity, f.file]), [
                ['contacts', node_path_1.default.join(outDir, 'contacts.csv')],
                ['orders', node_path_1.default.join(outDir, 'orders.csv')],
            ]);
            strict_1.default.equal(report.files[0].rows, 40);
            strict_1.default.equal(report.files[0].bytes, (await node_fs_1.promises.stat(report.files[0].file)).size);
            const text = captureIo();
            await exportProgram(text).parseAsync(['export', file, '--format', 'ndjson', '--out', node_path_1.default.join(dir, 'nd')], { from: 'user' });
            strict_1.default.equal(text.stdout.length, entities_1.CAPTURED_ENTITIES.length + 1);
            strict_1.default.match(text.stdout[0], /^contacts\s+40 rows {2}.*contacts\.ndjson$/);
            await strict_1.default.rejects(exportProgram(captureIo()).parseAsync(['export', file, '--format', 'csv', '--out', outDir], { from: 'user' }), export_2.ExportExistsError);
            await exportProgram(captureIo()).parseAsync(['export', file, '--format', 'csv', '--out', outDir, '--overwrite', '--no-bom'], {
                from: 'user',
            });
            strict_1.default.ok(!(await node_fs_1.promises.readFile(node_path_1.default.join(outDir, 'contacts.csv'), 'utf8')).startsWith('\uFEFF'));
        });
        it('usage errors: bad format, unknown entity, missing --out', async () => {
            const outDir = (0, snapshots_1.tempDir)();
            const run = (...args) => exportProgram(captureIo()).parseAsync(['export', generated.file, ...args], { from: 'user' });
            await strict_1.default.rejects(run('--format', 'xlsx', '--out', outDir), (err) => err instanceof output_1.UsageError && /--format must be one of json, ndjson, csv/.test(err.message));
            await strict_1.default.rejects(run('--format', 'csv', '--out', outDir, '--entity', 'contacts,../x'), (err) => err instanceof output_1.UsageError && /'\.\.\/x'/.test(err.message));
            await strict_1.default.rejects(run('--format', 'csv'), (err) => err instanceof commander_1.CommanderError && err.code === 'commander.missingMandatoryOptionValue');
            strict_1.default.deepEqual(await node_fs_1.promises.readdir(outDir), []);
        });
    });
});
//# sourceMappingURL=export.test.js.map