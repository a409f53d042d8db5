"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Bad input in import files (issue 14): nesting no stack can hold, bytes that are not UTF-8,
 * UTF-16 files, and files read in pieces, with every finding still at its line and column.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const jsonc = __importStar(require("jsonc-parser"));
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const jsonParser_1 = require("../../../src/core/validate/files/jsonParser");
const validateFile_1 = require("../../../src/core/validate/files/validateFile");
const snapshots_1 = require("../support/snapshots");
/** An id no generated snapshot has (checked in `before`). */
const MISSING = '990000001';
const brief = (findings) => findings.map((f) => [f.ruleId, f.position?.line, f.position?.column, f.message]);
describe('File validation: bad input and large files', function () {
    this.timeout(60_000);
    let db;
    let contacts;
    const dir = (0, snapshots_1.tempDir)('kv-file-input-');
    before(async () => {
        const { file } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'file-input', size: 40 });
        db = await snapshotDb_1.SnapshotDb.open(file);
        contacts = db.all('SELECT id FROM contacts LIMIT 2').map((r) => r.id);
        strict_1.default.equal(db.scalar('SELECT COUNT(*) FROM contacts WHERE id = ?', [MISSING]), 0);
    });
    after(() => db.close());
    async function onDisk(name, content, chunkSize) {
        const file = node_path_1.default.join(dir, name);
        await node_fs_1.promises.writeFile(file, content);
        return (0, validateFile_1.validateFileOnDisk)(db, file, { chunkSize });
    }
    describe('nesting', () => {
        it('`[` 100,000 deep is a file/syntax finding at the end of the file, not a crash', async () => {
            const { findings } = await onDisk('deep.json', '['.repeat(100_000));
            strict_1.default.ok(findings.length > 0 && findings.every((f) => f.ruleId === 'file/syntax'));
            strict_1.default.deepEqual(brief(findings)[0], ['file/syntax', 1, 2, 'Expected a record (a JSON object) but found an array']);
            const unclosed = findings.filter((f) => f.message.startsWith('Invalid JSON: a closing bracket (]) was expected'));
            strict_1.default.deepEqual(unclosed.map((f) => [f.position?.line, f.position?.column]), Array(unclosed.length).fill([1, 100_001]));
            strict_1.default.match(findings[findings.length - 1].message, /and \d+ more syntax errors after this one/);
        });
        it('a record holding a value nested 100,000 deep is read and checked like any other', async () => {
            const deep = '['.repeat(100_000) + ']'.repeat(100_000);
            const text = `[{"id":"o1","order_title":"deep","contact_id":"${MISSING}","notes":${deep}}]`;
            const { findings, records } = await onDisk('orders.json', text, 4096);
            strict_1.default.equal(records, 1);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.position?.column]), [['file/unknown-contact', text.indexOf(`"${MISSING}"`) + 1]]);
        });
    });
    describe('encodings', () => {
        it('a Latin-1 byte is a finding naming the encoding, at its line, column and byte offset', async () => {
            const before = '{"id":"c1","given_name":"Caf';
            const bytes = Buffer.concat([Buffer.from(`[\n${before}`), Buffer.from([0xe9]), Buffer.from('"}\n]')]);
            const { findings } = await onDisk('contacts.json', bytes);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.position?.line, f.position?.column]), [['file/syntax', 2, before.length + 1]]);
            strict_1.default.match(findings[0].message, new RegExp(`not UTF-8 here: byte 0xE9 at byte offset ${2 + before.length} .*Latin-1`));
        });
        it('invalid UTF-8 in a CSV cell is reported there, and the rows after it are still checked', async () => {
            const bytes = Buffer.concat([
                Buffer.from(`id,order_title,contact_id\no1,Cr`),
                Buffer.from([0xc3, 0x28]), // a lead byte followed by no continuation byte
                Buffer.from(`me,${contacts[0]}\no2,Fine,${MISSING}\n`),
            ]);
            const { findings } = await onDisk('orders.csv', bytes);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.position?.line, f.position?.column]), [
                ['file/syntax', 2, 6],
                ['file/unknown-contact', 3, 9],
            ]);
            strict_1.default.match(findings[0].message, /byte 0xC3 at byte offset 31/);
        });
        it('a file cut in the middle of a UTF-8 character says so', async () => {
            const { findings } = await onDisk('orders.ndjson', Buffer.concat([Buffer.from('{"id":"o1","order_title":"'), Buffer.from([0xe2, 0x82])]));
            strict_1.default.ok(findings.some((f) => /ends in the middle of a UTF-8 character/.test(f.message)));
        });
        for (const [name, bom, encode] of [
            ['UTF-16 LE', [0xff, 0xfe], (s) => Buffer.from(s, 'utf16le')],
            ['UTF-16 BE', [0xfe, 0xff], (s) => Buffer.from(s, 'utf16le').swap16()],
            ['UTF-8', [0xef, 0xbb, 0xbf], (s) => Buffer.from(s, 'utf8')],
        ]) {
            it(`${name} with a byte order mark is read as the same text: the same findings as plain UTF-8`, async () => {
                const text = JSON.stringify([
                    { id: 'o1', order_title: 'Café ☕ 𝄞', contact_id: contacts[0] },
                    { id: 'o2', order_title: 'Zürich', contact_id: MISSING },
                ], null, 2);
                const utf8 = await onDisk('plain.json', text);
                const other = await onDisk('plain.json', Buffer.concat([Buffer.from(bom), encode(text)]), 5);
                strict_1.default.equal(utf8.findings.length, 1);
                strict_1.default.deepEqual(other, utf8);
            });
        }
        it('UTF-16 without a byte order mark is read, and reported', async () => {
            const text = `[{"id":"o1","order_title":"A","contact_id":"${MISSING}"}]`;
            const { findings } = await onDisk('orders.json', Buffer.from(text, 'utf16le'));
            strict_1.default.deepEqual(findings.map((f) => f.ruleId), ['file/syntax', 'file/unknown-contact']);
            strict_1.default.match(findings[0].message, /UTF-16 \(little-endian\) without a byte order mark/);
        });
    });
    describe('large files, read in pieces', () => {
        /** 3,000 orders with accents (multi-byte characters cut by pieces), the last one for a missing contact. */
        const orders = () => Array.from({ length: 3000 }, (_, i) => ({
            id: `o${i}`,
            order_title: `Commande n° ${i}, “été” — ☕`,
            contact_id: i === 2999 ? MISSING : contacts[i % 2],
        }));
        const texts = {
            json: () => JSON.stringify(orders(), null, 2),
            ndjson: () => orders()
                .map((o) => JSON.stringify(o))
                .join('\r\n'),
            csv: () => `id,order_title,contact_id\r\n${orders()
                .map((o) => `${o.id},"${o.order_title}",${o.contact_id}`)
                .join('\r\n')}\r\n`,
        };
        for (const format of ['json', 'ndjson', 'csv']) {
            it(`${format}: a finding on the last record keeps its line and column when pieces are 7 bytes`, async () => {
                const text = texts[format]();
                const whole = (0, validateFile_1.validateSourceFile)(db, node_path_1.default.join(dir, `orders.${format}`), text);
                const pieces = await onDisk(`orders.${format}`, text, 7);
                strict_1.default.equal(pieces.records, 3000);
                strict_1.default.deepEqual(pieces, whole);
                const lines = text.split(/\r\n|\n/);
                const line = lines.findIndex((l) => l.includes(MISSING)) + 1;
                strict_1.default.deepEqual(pieces.findings.map((f) => [f.ruleId, f.recordId, f.position?.line, f.position?.column]), [['file/unknown-contact', 'o2999', line, lines[line - 1].indexOf(MISSING) + (format === 'csv' ? 1 : 0)]]);
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
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.recordId, f.position?.line]), [
                ['file/unknown-order', 'p1', 1],
                ['file/duplicate-id', 'c7', 2503],
            ]);
            strict_1.default.match(findings[0].message, /order never,/);
            strict_1.default.match(findings[1].message, /first at line 9$/);
        });
        it('a CSV quote never closed is reported at the quote once the row outgrows the limit, and reading goes on', async () => {
            const rows = [
                `o1,"Broken title,${contacts[0]}`,
                ...Array.from({ length: 200 }, (_, i) => `o${i + 2},Fine,${i === 199 ? MISSING : contacts[0]}`),
            ];
            const file = node_path_1.default.join(dir, 'orders.csv');
            await node_fs_1.promises.writeFile(file, `id,order_title,contact_id\n${rows.join('\n')}\n`);
            const { findings, records } = await (0, validateFile_1.validateFileOnDisk)(db, file, { chunkSize: 64, maxRowLength: 1000 });
            strict_1.default.equal(records, 200);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.recordId, f.position?.line, f.position?.column]), [
                ['file/syntax', '#0', 2, 4],
                ['file/unknown-contact', 'o201', 202, 'o201,Fine,'.length + 1],
            ]);
        });
    });
    describe('the JSON parser', () => {
        /** A fixed-seed generator: the same documents every run. */
        function random(seed) {
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
                for (let i = Math.floor(next() * 10); i > 0; i--)
                    text += atoms[Math.floor(next() * atoms.length)];
                const errors = [];
                const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
                const mine = jsonParser_1.JsonParser.parse(text);
                strict_1.default.deepEqual(mine.errors.map((e) => [e.code, e.offset, e.length]), errors.map((e) => [jsonc.printParseErrorCode(e.error), e.offset, e.length]), JSON.stringify(text));
                // jsonc-parser's objects have no prototype; JSON compares what matters.
                strict_1.default.equal(JSON.stringify(mine.root?.value), JSON.stringify(tree && jsonc.getNodeValue(tree)), JSON.stringify(text));
            }
        });
    });
});
//# sourceMappingURL=fileInput.test.js.map