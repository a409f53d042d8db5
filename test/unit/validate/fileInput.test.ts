/**
 * Bad input in import files (issue 14): nesting no stack can hold, bytes that are not UTF-8,
 * UTF-16 files, and files read in pieces, with every finding still at its line and column.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as jsonc from 'jsonc-parser';
import { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import { JsonParser } from '../../../src/core/validate/files/jsonParser';
import { validateFileOnDisk, validateSourceFile } from '../../../src/core/validate/files/validateFile';
import type { Finding } from '../../../src/core/validate/rule';
import { generatedSnapshotFile, tempDir } from '../support/snapshots';

/** An id no generated snapshot has (checked in `before`). */
const MISSING = '990000001';

const brief = (findings: Finding[]) => findings.map((f) => [f.ruleId, f.position?.line, f.position?.column, f.message]);

describe('File validation: bad input and large files', function () {
  this.timeout(60_000);
  let db: SnapshotDb;
  let contacts: string[];
  const dir = tempDir('kv-file-input-');

  before(async () => {
    const { file } = await generatedSnapshotFile({ seed: 'file-input', size: 40 });
    db = await SnapshotDb.open(file);
    contacts = db.all<{ id: string }>('SELECT id FROM contacts LIMIT 2').map((r) => r.id);
    assert.equal(db.scalar('SELECT COUNT(*) FROM contacts WHERE id = ?', [MISSING]), 0);
  });
  after(() => db.close());

  async function onDisk(name: string, content: string | Buffer, chunkSize?: number) {
    const file = path.join(dir, name);
    await fs.writeFile(file, content);
    return validateFileOnDisk(db, file, { chunkSize });
  }

  describe('nesting', () => {
    it('`[` 100,000 deep is a file/syntax finding at the end of the file, not a crash', async () => {
      const { findings } = await onDisk('deep.json', '['.repeat(100_000));
      assert.ok(findings.length > 0 && findings.every((f) => f.ruleId === 'file/syntax'));
      assert.deepEqual(brief(findings)[0], ['file/syntax', 1, 2, 'Expected a record (a JSON object) but found an array']);
      const unclosed = findings.filter((f) => f.message.startsWith('Invalid JSON: a closing bracket (]) was expected'));
      assert.deepEqual(
        unclosed.map((f) => [f.position?.line, f.position?.column]),
        Array(unclosed.length).fill([1, 100_001]),
      );
      assert.match(findings[findings.length - 1].message, /and \d+ more syntax errors after this one/);
    });

    it('a record holding a value nested 100,000 deep is read and checked like any other', async () => {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      const text = `[{"id":"o1","order_title":"deep","contact_id":"${MISSING}","notes":${deep}}]`;
      const { findings, records } = await onDisk('orders.json', text, 4096);
      assert.equal(records, 1);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.position?.column]),
        [['file/unknown-contact', text.indexOf(`"${MISSING}"`) + 1]],
      );
    });
  });

  describe('encodings', () => {
    it('a Latin-1 byte is a finding naming the encoding, at its line, column and byte offset', async () => {
      const before = '{"id":"c1","given_name":"Caf';
      const bytes = Buffer.concat([Buffer.from(`[\n${before}`), Buffer.from([0xe9]), Buffer.from('"}\n]')]);
      const { findings } = await onDisk('contacts.json', bytes);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.position?.line, f.position?.column]),
        [['file/syntax', 2, before.length + 1]],
      );
      assert.match(findings[0].message, new RegExp(`not UTF-8 here: byte 0xE9 at byte offset ${2 + before.length} .*Latin-1`));
    });

    it('invalid UTF-8 in a CSV cell is reported there, and the rows after it are still checked', async () => {
      const bytes = Buffer.concat([
        Buffer.from(`id,order_title,contact_id\no1,Cr`),
        Buffer.from([0xc3, 0x28]), // a lead byte followed by no continuation byte
        Buffer.from(`me,${contacts[0]}\no2,Fine,${MISSING}\n`),
      ]);
      const { findings } = await onDisk('orders.csv', bytes);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.position?.line, f.position?.column]),
        [
          ['file/syntax', 2, 6],
          ['file/unknown-contact', 3, 9],
        ],
      );
      assert.match(findings[0].message, /byte 0xC3 at byte offset 31/);
    });

    it('a file cut in the middle of a UTF-8 character says so', async () => {
      const { findings } = await onDisk(
        'orders.ndjson',
        Buffer.concat([Buffer.from('{"id":"o1","order_title":"'), Buffer.from([0xe2, 0x82])]),
      );
      assert.ok(findings.some((f) => /ends in the middle of a UTF-8 character/.test(f.message)));
    });

    for (const [name, bom, encode] of [
      ['UTF-16 LE', [0xff, 0xfe], (s: string) => Buffer.from(s, 'utf16le')],
      ['UTF-16 BE', [0xfe, 0xff], (s: string) => Buffer.from(s, 'utf16le').swap16()],
      ['UTF-8', [0xef, 0xbb, 0xbf], (s: string) => Buffer.from(s, 'utf8')],
    ] as const) {
      it(`${name} with a byte order mark is read as the same text: the same findings as plain UTF-8`, async () => {
        const text = JSON.stringify(
          [
            { id: 'o1', order_title: 'Café ☕ 𝄞', contact_id: contacts[0] },
            { id: 'o2', order_title: 'Zürich', contact_id: MISSING },
          ],
          null,
          2,
        );
        const utf8 = await onDisk('plain.json', text);
        const other = await onDisk('plain.json', Buffer.concat([Buffer.from(bom), encode(text)]), 5);
        assert.equal(utf8.findings.length, 1);
        assert.deepEqual(other, utf8);
      });
    }

    it('UTF-16 without a byte order mark is read, and reported', async () => {
      const text = `[{"id":"o1","order_title":"A","contact_id":"${MISSING}"}]`;
      const { findings } = await onDisk('orders.json', Buffer.from(text, 'utf16le'));
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        ['file/syntax', 'file/unknown-contact'],
      );
      assert.match(findings[0].message, /UTF-16 \(little-endian\) without a byte order mark/);
    });
  });

  describe('large files, read in pieces', () => {
    /** 3,000 orders with accents (multi-byte characters cut by pieces), the last one for a missing contact. */
    const orders = () =>
      Array.from({ length: 3000 }, (_, i) => ({
        id: `o${i}`,
        order_title: `Commande n° ${i}, “été” — ☕`,
        contact_id: i === 2999 ? MISSING : contacts[i % 2],
      }));
    const texts = {
      json: () => JSON.stringify(orders(), null, 2),
      ndjson: () =>
        orders()
          .map((o) => JSON.stringify(o))
          .join('\r\n'),
      csv: () =>
        `id,order_title,contact_id\r\n${orders()
          .map((o) => `${o.id},"${o.order_title}",${o.contact_id}`)
          .join('\r\n')}\r\n`,
    };

    for (const format of ['json', 'ndjson', 'csv'] as const) {
      it(`${format}: a finding on the last record keeps its line and column when pieces are 7 bytes`, async () => {
        const text = texts[format]();
        const whole = validateSourceFile(db, path.join(dir, `orders.${format}`), text);
        const pieces = await onDisk(`orders.${format}`, text, 7);
        assert.equal(pieces.records, 3000);
        assert.deepEqual(pieces, whole);
        const lines = text.split(/\r\n|\n/);
        const line = lines.findIndex((l) => l.includes(MISSING)) + 1;
        assert.deepEqual(
          pieces.findings.map((f) => [f.ruleId, f.recordId, f.position?.line, f.position?.column]),
          [['file/unknown-contact', 'o2999', line, lines[line - 1].indexOf(MISSING) + (format === 'csv' ? 1 : 0)]],
        );
      });
    }

    it('duplicates and payments for orders later in the file are found across batches', async () => {
      const records = [
        JSON.stringify({ id: 'p1', contact_id: contacts[0], payment_amount: 5, order_ids: ['late-order', 'never'] }),
        ...Array.from({ length: 2500 }, (_, i) => JSON.stringify({ id: `c${i}`, given_name: 'N' })),
        JSON.stringify({ id: 'late-order', contact_id: contacts[0], order_title: 'Late' }),
        JSON.stringify({ id: 'c7', given_name: 'Again' }),
      ];
      const { findings } = await onDisk('mixed.ndjson', records.join('\n'), 1024);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.recordId, f.position?.line]),
        [
          ['file/unknown-order', 'p1', 1],
          ['file/duplicate-id', 'c7', 2503],
        ],
      );
      assert.match(findings[0].message, /order never,/);
      assert.match(findings[1].message, /first at line 9$/);
    });

    it('a CSV quote never closed is reported at the quote once the row outgrows the limit, and reading goes on', async () => {
      const rows = [
        `o1,"Broken title,${contacts[0]}`,
        ...Array.from({ length: 200 }, (_, i) => `o${i + 2},Fine,${i === 199 ? MISSING : contacts[0]}`),
      ];
      const file = path.join(dir, 'orders.csv');
      await fs.writeFile(file, `id,order_title,contact_id\n${rows.join('\n')}\n`);
      const { findings, records } = await validateFileOnDisk(db, file, { chunkSize: 64, maxRowLength: 1000 });
      assert.equal(records, 200);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.recordId, f.position?.line, f.position?.column]),
        [
          ['file/syntax', '#0', 2, 4],
          ['file/unknown-contact', 'o201', 202, 'o201,Fine,'.length + 1],
        ],
      );
    });
  });

  describe('the JSON parser', () => {
    /** A fixed-seed generator: the same documents every run. */
    function random(seed: number): () => number {
      let s = seed;
      return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    }

    it('gives jsonc-parser’s values and errors (code, offset, length) for broken documents', () => {
      const atoms = [
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        '"a"',
        '"\\u12"',
        '"\\q"',
        '1',
        '-',
        '1.',
        '1e',
        '01',
        'true',
        'nul',
        'x',
        '//c\n',
        '/*c',
        '\r\n',
        '"a\nb"',
        '"\t"',
      ];
      const next = random(14);
      for (let k = 0; k < 3000; k++) {
        let text = '';
        for (let i = Math.floor(next() * 10); i > 0; i--) text += atoms[Math.floor(next() * atoms.length)];
        const errors: jsonc.ParseError[] = [];
        const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
        const mine = JsonParser.parse(text);
        assert.deepEqual(
          mine.errors.map((e) => [e.code, e.offset, e.length]),
          errors.map((e) => [jsonc.printParseErrorCode(e.error), e.offset, e.length]),
          JSON.stringify(text),
        );
        // jsonc-parser's objects have no prototype; JSON compares what matters.
        assert.equal(JSON.stringify(mine.root?.value), JSON.stringify(tree && jsonc.getNodeValue(tree)), JSON.stringify(text));
      }
    });
  });
});
