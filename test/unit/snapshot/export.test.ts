import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerExportCommand } from '../../../src/cli/commands/export';
import { UsageError, type Io } from '../../../src/cli/output';
import { CAPTURED_ENTITIES, type SnapshotEntity } from '../../../src/core/snapshot/entities';
import {
  ExportEntityError,
  ExportExistsError,
  ExportPathError,
  exportSnapshot,
  safeJoin,
  type ExportFormat,
} from '../../../src/core/snapshot/export';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { generatedSnapshotFile, tempDir } from '../support/snapshots';

/** Strict RFC 4180: CRLF record ends only, quotes only around whole fields, doubled inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') {
        field += c;
        i++;
      } else if (text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) throw new Error('last record not ended with CRLF');
  return rows;
}

async function readCsv(file: string): Promise<{ raw: string; header: string[]; records: Array<Map<string, string>> }> {
  const raw = await fs.readFile(file, 'utf8');
  assert.ok(raw.startsWith('\uFEFF'), `${file} starts with a UTF-8 BOM`);
  const [header = [], ...lines] = parseCsv(raw.slice(1));
  for (const line of lines) assert.equal(line.length, header.length, 'every line has a cell per column');
  return { raw, header, records: lines.map((cells) => new Map(header.map((h, i) => [h, cells[i]]))) };
}

/** What a scalar must look like in a cell: numbers as they are, other text neutralised. */
function expectedCell(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const unneutralised = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);
const parsedRows = (db: SnapshotDb, entity: SnapshotEntity) =>
  [...db.rows(entity)].map((r) => JSON.parse(r.json) as Record<string, unknown>);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks every top-level and one-level-nested value of each record against its cell. */
function assertCsvMatches(records: Array<Map<string, string>>, rows: Array<Record<string, unknown>>, entity: string): void {
  assert.equal(records.length, rows.length, `${entity}: one line per record`);
  rows.forEach((row, n) => {
    const cells = records[n];
    for (const [key, value] of Object.entries(row)) {
      if (Array.isArray(value)) {
        const cell = cells.get(key)!;
        if (value.every((v) => typeof v !== 'object' || v === null)) assert.equal(unneutralised(cell), value.join(';'), `${entity} ${key}`);
        else assert.deepEqual(JSON.parse(cell), value, `${entity} ${key} holds the array as JSON`);
      } else if (isObject(value)) {
        for (const [sub, v] of Object.entries(value))
          if (!isObject(v) && !Array.isArray(v)) assert.equal(cells.get(`${key}.${sub}`), expectedCell(v), `${entity} ${key}.${sub}`);
      } else {
        assert.equal(cells.get(key), expectedCell(value), `${entity} ${key}`);
      }
    }
  });
}

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

function exportProgram(io: Io): Command {
  const program = new Command('keap-vault').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  registerExportCommand(program, io);
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
  let generated: { file: string; db: SnapshotDb };
  let edge: SnapshotDb;

  before(async () => {
    const { file } = await generatedSnapshotFile({ seed: 11, size: 200 });
    generated = { file, db: await SnapshotDb.open(file) };
    edge = await SnapshotDb.create();
    edge.insert('contacts', EDGE_CONTACTS);
    edge.insert('orders', EDGE_ORDERS);
  });
  after(() => {
    generated.db.close();
    edge.close();
  });

  it('json: one document with the meta and every captured entity, records as stored', async () => {
    const { db } = generated;
    const outDir = path.join(tempDir(), 'out');
    const progress: Array<{ entity: string; rows: number }> = [];
    const result = await exportSnapshot(db, { format: 'json', outDir, onProgress: (p) => progress.push(p) });
    assert.deepEqual(
      result.files.map((f) => path.basename(f.file)),
      ['snapshot.json'],
    );
    assert.deepEqual(await fs.readdir(outDir), ['snapshot.json']);
    const text = await fs.readFile(result.files[0].file, 'utf8');
    assert.equal(result.files[0].bytes, Buffer.byteLength(text));
    const doc = JSON.parse(text) as { meta: unknown; entities: Record<string, unknown[]> };
    assert.deepEqual(doc.meta, db.meta());
    assert.deepEqual(Object.keys(doc.entities), [...CAPTURED_ENTITIES]);
    for (const entity of CAPTURED_ENTITIES) {
      assert.deepEqual(doc.entities[entity], parsedRows(db, entity), entity);
      assert.equal(result.counts[entity], db.count(entity));
    }
    assert.equal(
      result.files[0].rows,
      CAPTURED_ENTITIES.reduce((n, e) => n + db.count(e), 0),
    );
    assert.deepEqual(progress.filter((p) => p.entity === 'contacts').at(-1), { entity: 'contacts', rows: db.count('contacts') });
    if (process.platform !== 'win32') assert.equal((await fs.stat(result.files[0].file)).mode & 0o777, 0o600, 'personal data: owner only');
  });

  it('json: hand-made records with newlines, quotes and non-ASCII round-trip too', async () => {
    const outDir = tempDir();
    const result = await exportSnapshot(edge, { format: 'json', outDir, entities: ['contacts', 'orders', 'tags'] });
    const doc = JSON.parse(await fs.readFile(result.files[0].file, 'utf8')) as { entities: Record<string, unknown[]> };
    assert.deepEqual(doc.entities, { contacts: EDGE_CONTACTS, orders: EDGE_ORDERS, tags: [] });
  });

  it('ndjson: a file per entity, one raw record per line, plus meta.json', async () => {
    const { db } = generated;
    const outDir = tempDir();
    const result = await exportSnapshot(db, { format: 'ndjson', outDir });
    assert.deepEqual(
      result.files.map((f) => path.basename(f.file)),
      [...CAPTURED_ENTITIES.map((e) => `${e}.ndjson`), 'meta.json'],
    );
    for (const entity of CAPTURED_ENTITIES) {
      const text = await fs.readFile(path.join(outDir, `${entity}.ndjson`), 'utf8');
      const lines = text.split('\n');
      assert.equal(lines.pop(), '', 'ends with a newline');
      assert.deepEqual(
        lines,
        [...db.rows(entity)].map((r) => r.json),
        entity,
      );
      assert.equal(result.files.find((f) => f.entity === entity)!.rows, lines.length);
    }
    assert.deepEqual(JSON.parse(await fs.readFile(path.join(outDir, 'meta.json'), 'utf8')), db.meta());
    const edgeDir = tempDir();
    await exportSnapshot(edge, { format: 'ndjson', outDir: edgeDir, entities: ['contacts'] });
    const lines = (await fs.readFile(path.join(edgeDir, 'contacts.ndjson'), 'utf8')).trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => JSON.parse(l)),
      EDGE_CONTACTS,
      'newlines inside values stay escaped: one record per line',
    );
  });

  it('ndjson: derived entities carry their parent id', async () => {
    const { db } = generated;
    const outDir = tempDir();
    await exportSnapshot(db, { format: 'ndjson', outDir, entities: ['order_items', 'contact_tags'] });
    const items = (await fs.readFile(path.join(outDir, 'order_items.ndjson'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; order_id: string });
    assert.equal(items.length, db.count('order_items'));
    const orderOfItem = new Map<string, string>();
    for (const order of parsedRows(db, 'orders'))
      for (const item of order.order_items as Array<{ id: string }>) orderOfItem.set(item.id, order.id as string);
    for (const item of items) assert.equal(item.order_id, orderOfItem.get(item.id));
    const tags = (await fs.readFile(path.join(outDir, 'contact_tags.ndjson'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { contact_id: string; tag_id: string });
    assert.equal(tags.length, db.count('contact_tags'));
    assert.ok(tags.every((t) => /^\d+$/.test(t.contact_id) && /^\d+$/.test(t.tag_id)));
  });

  it('csv: every entity of a generated account, flattened, RFC 4180, with a BOM', async () => {
    const { db } = generated;
    const outDir = tempDir();
    const result = await exportSnapshot(db, { format: 'csv', outDir });
    for (const entity of CAPTURED_ENTITIES) {
      const { header, records } = await readCsv(path.join(outDir, `${entity}.csv`));
      assert.equal(new Set(header).size, header.length, 'no duplicate columns');
      assert.equal(result.files.find((f) => f.entity === entity)!.rows, records.length);
      assertCsvMatches(records, parsedRows(db, entity), entity);
    }
    const orders = await readCsv(path.join(outDir, 'orders.csv'));
    for (const column of ['id', 'contact.id', 'total.amount', 'total.formatted_amount', 'order_items'])
      assert.ok(orders.header.includes(column), column);
  });

  it('csv: negative discount prices stay numbers while their formatted text is neutralised', async () => {
    const { db } = generated;
    const outDir = tempDir();
    await exportSnapshot(db, { format: 'csv', outDir, entities: ['order_items'] });
    const { header, records } = await readCsv(path.join(outDir, 'order_items.csv'));
    assert.equal(header[0], 'order_id');
    const discounts = records.filter((r) => r.get('item_type') === 'DISCOUNT');
    assert.ok(discounts.length > 0, 'the generated account has discount lines');
    for (const d of discounts) {
      assert.match(d.get('price_per_unit.amount')!, /^-\d+$/);
      assert.match(d.get('price_per_unit.formatted_amount')!, /^'-\$[\d,]+\.\d\d$/);
    }
    assertCsvMatches(
      records,
      [...db.all<{ order_id: string; json: string }>('SELECT order_id, json FROM order_items ORDER BY rowid')].map((r) => ({
        order_id: r.order_id,
        ...JSON.parse(r.json),
      })),
      'order_items',
    );
  });

  it('csv: quoting, formula neutralisation, numbers and non-ASCII in hand-made records', async () => {
    const outDir = tempDir();
    await exportSnapshot(edge, { format: 'csv', outDir, entities: ['contacts', 'orders'] });
    const { raw, header, records } = await readCsv(path.join(outDir, 'contacts.csv'));
    // Columns: the union of keys in first-seen order; nested objects dotted; empty objects give none.
    assert.deepEqual(header, [
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
    assert.equal(a.get('given_name'), 'Smith, Jr.');
    assert.equal(a.get('family_name'), '"Quoted" Name');
    assert.equal(a.get('notes'), 'line one\nline two\r\nline three');
    assert.ok(raw.includes('"Smith, Jr.","""Quoted"" Name","line one\nline two\r\nline three"'));
    assert.equal(a.get('custom_fields'), '[{"id":"1","content":"a,b;c"}]');
    assert.ok(raw.includes('"[{""id"":""1"",""content"":""a,b;c""}]"'));
    assert.equal(a.get('tag_ids'), '3;7');
    assert.equal(a.get('middle_name'), '', 'null is an empty cell');
    // Numbers stay numbers, even negative; text that a spreadsheet would evaluate gets a leading quote.
    assert.equal(a.get('score'), '-12.5');
    assert.equal(a.get('balance.amount'), '-1250');
    assert.equal(a.get('balance.formatted_amount'), "'-$12.50");
    assert.ok(raw.includes(',-12.5,-1250,USD,'), 'negative numbers are written bare');
    assert.equal(b.get('given_name'), "'=SUM(A1)");
    assert.equal(b.get('family_name'), "'+1");
    assert.equal(b.get('middle_name'), "'-x");
    assert.equal(b.get('job_title'), "'@cmd");
    assert.equal(b.get('score'), '0');
    assert.equal(b.get('website'), `'=HYPERLINK("http://x","y")`);
    assert.ok(raw.includes(`"'=HYPERLINK(""http://x"",""y"")"`));
    assert.equal(c.get('given_name'), "'\tTabbed");
    assert.equal(c.get('family_name'), "'\rReturned");
    assert.equal(c.get('job_title'), "'already quoted", 'a leading quote alone is not a formula');
    assert.equal(c.get('score'), '-0.01');
    assert.equal(c.get('opt_in'), 'true');
    // Non-ASCII intact, and joined arrays are neutralised as a whole.
    assert.deepEqual(
      [d.get('given_name'), d.get('family_name'), d.get('middle_name'), d.get('job_title'), d.get('nickname')],
      ['José', '王', 'Zoë Åström', '🎉 Party 👩‍💻', 'محمد'],
    );
    assert.equal(d.get('tag_ids'), "'=1+1");
    assert.equal(e.get('company.company_name'), 'a,b;c Partners');
    assert.equal(e.get('phone_numbers'), '', 'an empty array is an empty cell');
    assert.equal(a.get('company.id'), '', 'columns first seen later are empty for earlier rows');
    assertCsvMatches(records, EDGE_CONTACTS, 'contacts');

    const orders = await readCsv(path.join(outDir, 'orders.csv'));
    assert.equal(orders.records[0].get('total.amount'), '-500');
    assert.equal(orders.records[0].get('total.formatted_amount'), "'-$5.00");
    assert.deepEqual(JSON.parse(orders.records[0].get('order_items')!), EDGE_ORDERS[0].order_items);

    const noBom = tempDir();
    await exportSnapshot(edge, { format: 'csv', outDir: noBom, entities: ['contacts'], bom: false });
    assert.equal(await fs.readFile(path.join(noBom, 'contacts.csv'), 'utf8'), raw.slice(1));
  });

  it('refuses to overwrite an existing file unless asked, naming it; nothing is half-replaced', async () => {
    const outDir = tempDir();
    await exportSnapshot(edge, { format: 'ndjson', outDir, entities: ['contacts', 'orders'] });
    await fs.writeFile(path.join(outDir, 'orders.ndjson'), 'keep me');
    const before = await fs.readFile(path.join(outDir, 'contacts.ndjson'), 'utf8');
    await assert.rejects(
      exportSnapshot(generated.db, { format: 'ndjson', outDir, entities: ['contacts', 'orders'] }),
      (err: Error) =>
        err instanceof ExportExistsError &&
        err.file === path.join(outDir, 'contacts.ndjson') &&
        err.message.includes(path.join(outDir, 'contacts.ndjson')) &&
        /--overwrite/.test(err.message),
    );
    assert.equal(await fs.readFile(path.join(outDir, 'contacts.ndjson'), 'utf8'), before);
    assert.equal(await fs.readFile(path.join(outDir, 'orders.ndjson'), 'utf8'), 'keep me');
    assert.deepEqual((await fs.readdir(outDir)).sort(), ['contacts.ndjson', 'meta.json', 'orders.ndjson']);

    const result = await exportSnapshot(generated.db, { format: 'ndjson', outDir, entities: ['contacts', 'orders'], overwrite: true });
    assert.equal(result.counts.contacts, generated.db.count('contacts'));
    assert.equal((await fs.readFile(path.join(outDir, 'orders.ndjson'), 'utf8')).split('\n').length - 1, generated.db.count('orders'));
    assert.deepEqual((await fs.readdir(outDir)).sort(), ['contacts.ndjson', 'meta.json', 'orders.ndjson'], 'no temporary files left');
  });

  it('never writes outside the output folder', async () => {
    const parent = tempDir();
    const outDir = path.join(parent, 'out');
    for (const format of ['json', 'ndjson', 'csv'] as ExportFormat[]) {
      await assert.rejects(
        exportSnapshot(edge, { format, outDir, entities: ['contacts', '../x' as SnapshotEntity] }),
        (err: Error) => err instanceof ExportEntityError && /Unknown entity '\.\.\/x'/.test(err.message),
      );
    }
    await assert.rejects(exportSnapshot(edge, { format: 'csv', outDir, entities: [] }), ExportEntityError);
    assert.deepEqual(await fs.readdir(parent), [], 'nothing written, not even the folder');
    assert.equal(safeJoin(outDir, 'contacts.csv'), path.join(outDir, 'contacts.csv'));
    assert.equal(safeJoin(outDir, '..contacts.csv'), path.join(outDir, '..contacts.csv'));
    for (const bad of ['../x', '../../etc/passwd', 'a/../../x', '/etc/passwd', '.', '', 'a\0b']) {
      assert.throws(
        () => safeJoin(outDir, bad),
        (err: Error) => err instanceof ExportPathError && err.message.includes(outDir),
        bad,
      );
    }
  });

  it('cancelling leaves no file under a final name and no temporary files; rejects with the reason', async () => {
    for (const format of ['json', 'ndjson', 'csv'] as ExportFormat[]) {
      const outDir = tempDir();
      await fs.writeFile(path.join(outDir, 'contacts.csv'), 'old');
      const controller = new AbortController();
      const reason = new Error('user cancelled');
      // The first progress report comes once contacts are done: the middle of the export.
      const progress = exportSnapshot(generated.db, {
        format,
        outDir,
        overwrite: true,
        signal: controller.signal,
        onProgress: () => controller.abort(reason),
      });
      await assert.rejects(progress, (err: unknown) => err === reason);
      assert.deepEqual(await fs.readdir(outDir), ['contacts.csv'], format);
      assert.equal(await fs.readFile(path.join(outDir, 'contacts.csv'), 'utf8'), 'old', 'an existing file is kept');
    }
    const aborted = new AbortController();
    aborted.abort(new Error('before start'));
    const untouched = path.join(tempDir(), 'never');
    await assert.rejects(exportSnapshot(generated.db, { format: 'csv', outDir: untouched, signal: aborted.signal }), /before start/);
    await assert.rejects(fs.stat(untouched), { code: 'ENOENT' });
  });

  it('cancelling at any moment: either every file is complete or none exists', async () => {
    const outcomes = new Set<string>();
    for (const delay of [0, 1, 5, 20, 60, 10_000]) {
      const outDir = tempDir();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new Error('timeout')), delay);
      const outcome = await exportSnapshot(generated.db, { format: 'csv', outDir, signal: controller.signal }).then(
        () => 'done',
        (err: Error) => err.message,
      );
      clearTimeout(timer);
      const files = await fs.readdir(outDir);
      if (outcome === 'done') assert.deepEqual(files.sort(), CAPTURED_ENTITIES.map((e) => `${e}.csv`).sort());
      else assert.deepEqual([outcome, files], ['timeout', []]);
      outcomes.add(outcome);
    }
    assert.ok(outcomes.has('done') && outcomes.has('timeout'), 'both outcomes were seen');
  });

  describe('keap-vault export', () => {
    const saved = process.env.KEAP_VAULT_SNAPSHOT_KEY;
    afterEach(() => {
      if (saved === undefined) delete process.env.KEAP_VAULT_SNAPSHOT_KEY;
      else process.env.KEAP_VAULT_SNAPSHOT_KEY = saved;
    });

    it('exports an encrypted snapshot with the key from KEAP_VAULT_SNAPSHOT_KEY, as JSON or lines', async () => {
      const dir = tempDir();
      const { file } = await generatedSnapshotFile({ seed: 12, size: 40 }, dir, 'export secret');
      const outDir = path.join(dir, 'csv');
      const withoutKey = captureIo();
      delete process.env.KEAP_VAULT_SNAPSHOT_KEY;
      await assert.rejects(
        exportProgram(withoutKey).parseAsync(['export', file, '--format', 'csv', '--out', outDir], { from: 'user' }),
        /encrypted: supply its key/,
      );
      process.env.KEAP_VAULT_SNAPSHOT_KEY = 'export secret';

      const io = captureIo();
      await exportProgram(io).parseAsync(['export', file, '--format', 'csv', '--out', outDir, '--entity', 'contacts, orders', '--json'], {
        from: 'user',
      });
      const report = JSON.parse(io.stdout.join('\n')) as { files: Array<{ entity: string; file: string; rows: number; bytes: number }> };
      assert.deepEqual(
        report.files.map((f) => [f.entity, f.file]),
        [
          ['contacts', path.join(outDir, 'contacts.csv')],
          ['orders', path.join(outDir, 'orders.csv')],
        ],
      );
      assert.equal(report.files[0].rows, 40);
      assert.equal(report.files[0].bytes, (await fs.stat(report.files[0].file)).size);

      const text = captureIo();
      await exportProgram(text).parseAsync(['export', file, '--format', 'ndjson', '--out', path.join(dir, 'nd')], { from: 'user' });
      assert.equal(text.stdout.length, CAPTURED_ENTITIES.length + 1);
      assert.match(text.stdout[0], /^contacts\s+40 rows {2}.*contacts\.ndjson$/);

      await assert.rejects(
        exportProgram(captureIo()).parseAsync(['export', file, '--format', 'csv', '--out', outDir], { from: 'user' }),
        ExportExistsError,
      );
      await exportProgram(captureIo()).parseAsync(['export', file, '--format', 'csv', '--out', outDir, '--overwrite', '--no-bom'], {
        from: 'user',
      });
      assert.ok(!(await fs.readFile(path.join(outDir, 'contacts.csv'), 'utf8')).startsWith('\uFEFF'));
    });

    it('usage errors: bad format, unknown entity, missing --out', async () => {
      const outDir = tempDir();
      const run = (...args: string[]) => exportProgram(captureIo()).parseAsync(['export', generated.file, ...args], { from: 'user' });
      await assert.rejects(
        run('--format', 'xlsx', '--out', outDir),
        (err: Error) => err instanceof UsageError && /--format must be one of json, ndjson, csv/.test(err.message),
      );
      await assert.rejects(
        run('--format', 'csv', '--out', outDir, '--entity', 'contacts,../x'),
        (err: Error) => err instanceof UsageError && /'\.\.\/x'/.test(err.message),
      );
      await assert.rejects(
        run('--format', 'csv'),
        (err: Error) => err instanceof CommanderError && err.code === 'commander.missingMandatoryOptionValue',
      );
      assert.deepEqual(await fs.readdir(outDir), []);
    });
  });
});
