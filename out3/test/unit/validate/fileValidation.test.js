"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const sourceRecords_1 = require("../../../src/core/validate/files/sourceRecords");
const validateFile_1 = require("../../../src/core/validate/files/validateFile");
const snapshots_1 = require("../support/snapshots");
/** An id no generated snapshot has (checked in `before`). */
const MISSING = '990000001';
/** Line and column of the nth occurrence of `needle`, counted independently of the code under test. */
function at(text, needle, nth = 0) {
    const body = text.replace(/^\uFEFF/, '');
    let offset = -1;
    for (let i = 0; i <= nth; i++) {
        offset = body.indexOf(needle, offset + 1);
        strict_1.default.ok(offset >= 0, `'${needle}' #${nth} not in the text`);
    }
    const before = body.slice(0, offset).split(/\r\n|\n|\r/);
    return { line: before.length, column: before[before.length - 1].length + 1 };
}
function lineCol(p) {
    return p && { line: p.line, column: p.column };
}
function only(findings, ruleId) {
    return findings.filter((f) => f.ruleId === ruleId);
}
describe('File validation against a snapshot', function () {
    this.timeout(60_000);
    let db;
    let contacts;
    let products;
    let orders;
    let tags;
    before(async () => {
        const { file } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'file-validation', size: 60 });
        db = await snapshotDb_1.SnapshotDb.open(file);
        contacts = db.all('SELECT id FROM contacts LIMIT 2').map((r) => r.id);
        products = db.all('SELECT id, sku FROM products WHERE sku IS NOT NULL LIMIT 2');
        orders = db.all('SELECT id FROM orders LIMIT 2').map((r) => r.id);
        tags = db.all('SELECT id FROM tags LIMIT 2').map((r) => r.id);
        strict_1.default.equal(contacts.length, 2);
        strict_1.default.equal(products.length, 2);
        strict_1.default.equal(orders.length, 2);
        strict_1.default.equal(tags.length, 2);
        for (const table of ['contacts', 'products', 'orders', 'tags']) {
            strict_1.default.equal(db.scalar(`SELECT COUNT(*) FROM ${table} WHERE id = ?`, [MISSING]), 0);
        }
    });
    after(() => db.close());
    const check = (file, text, options) => (0, validateFile_1.validateSourceFile)(db, file, text, options);
    describe('exact positions', () => {
        const orderList = () => [
            { id: 'n1', contact_id: contacts[0], order_title: 'A' },
            { id: 'n2', contact: { id: contacts[1] }, order_title: 'B' },
            { id: 'n3', contact_id: MISSING, order_title: 'C' },
        ];
        it('pretty-printed JSON: the contact_id value of the third record', () => {
            const text = JSON.stringify(orderList(), null, 2);
            const { findings, records, skipped } = check('import.json', text);
            strict_1.default.equal(records, 3);
            strict_1.default.equal(skipped, 0);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.recordId, f.entity]), [['file/unknown-contact', 'n3', 'orders']]);
            // Line 16 is `    "contact_id": "990000001",`: the value starts after 4 spaces and `"contact_id": `.
            strict_1.default.deepEqual(findings[0].position, { file: 'import.json', line: 16, column: 19, endLine: 16, endColumn: 30 });
            strict_1.default.deepEqual(findings[0].related, [{ entity: 'contacts', id: MISSING }]);
        });
        it('minified JSON: everything on line 1, columns exact', () => {
            const text = JSON.stringify(orderList());
            const { findings } = check('import.json', text);
            const column = text.indexOf(`"${MISSING}"`) + 1;
            strict_1.default.deepEqual(findings.map((f) => f.position), [{ file: 'import.json', line: 1, column, endLine: 1, endColumn: column + MISSING.length + 2 }]);
        });
        it('a nested path: contact.id inside the record', () => {
            const text = JSON.stringify([{ id: 'n1', contact: { id: MISSING }, order_title: 'A' }], null, 2);
            const [finding] = check('import.json', text).findings;
            // `      "id": "990000001"` on line 5.
            strict_1.default.deepEqual(finding.position, { file: 'import.json', line: 5, column: 13, endLine: 5, endColumn: 24 });
        });
        it('NDJSON: the line of the record, blank lines skipped', () => {
            const text = [
                JSON.stringify({ id: 'n1', contact_id: contacts[0], order_title: 'A' }),
                '',
                `{"id":"n3","contact_id":"${MISSING}","order_title":"C"}`,
                '',
            ].join('\n');
            const { findings, records } = check('import.ndjson', text);
            strict_1.default.equal(records, 2);
            strict_1.default.deepEqual(findings.map((f) => lineCol(f.position)), [{ line: 3, column: 25 }]);
            strict_1.default.equal(findings[0].position?.endColumn, 36);
        });
        // The third record's notes span two lines and hold doubled quotes and a comma before its contact_id.
        const csvLines = (contact0, contact1) => [
            'id,order_title,notes,contact_id',
            `n1,First,plain,${contact0}`,
            `n2,"Second, with comma","line one`,
            'line ""two""',
            `line three",${contact1}`,
            'n3,"Third ""quoted""","note A',
            `note B, ""b""",${MISSING}`,
        ];
        for (const [name, eol, bom] of [
            ['LF', '\n', ''],
            ['CRLF', '\r\n', ''],
            ['CRLF with a BOM', '\r\n', '\uFEFF'],
        ]) {
            it(`CSV (${name}): the contact_id cell of the 3rd record, after multi-line quoted fields`, () => {
                const text = bom + csvLines(contacts[0], contacts[1]).join(eol) + eol;
                const { findings, records } = check('import.csv', text);
                strict_1.default.equal(records, 3);
                // Line 7 is `note B, ""b""",990000001`: the cell starts after the 15 characters of the notes' end.
                strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.recordId, f.position]), [['file/unknown-contact', 'n3', { file: 'import.csv', line: 7, column: 16, endLine: 7, endColumn: 25 }]]);
                const parsed = (0, sourceRecords_1.parseSourceRecords)('import.csv', text);
                strict_1.default.equal(parsed[2].record.notes, `note A${eol}note B, "b"`);
                strict_1.default.equal(parsed[1].record.notes, `line one${eol}line "two"${eol}line three`);
                strict_1.default.equal(parsed[2].record.order_title, 'Third "quoted"');
                strict_1.default.deepEqual(parsed[2].position, { file: 'import.csv', line: 6, column: 1, endLine: 7, endColumn: 25 });
                // The header's first column is `id`, not `\uFEFFid`, and the BOM shifts no column.
                strict_1.default.deepEqual(parsed[0].fieldPosition('id'), { file: 'import.csv', line: 2, column: 1, endLine: 2, endColumn: 3 });
            });
        }
        it('a BOM in JSON shifts no column', () => {
            const text = `\uFEFF[{"id":"n1","contact_id":"${MISSING}","order_title":"A"}]`;
            const [finding] = check('import.json', text).findings;
            strict_1.default.deepEqual(lineCol(finding.position), { line: 1, column: 26 });
            strict_1.default.deepEqual(finding.position, check('import.json', text.slice(1)).findings[0].position);
        });
        it('CSV: a position inside a cell of JSON (order_items) points at the value, doubled quotes counted', () => {
            const cell = `"[{""product_id"":""${products[0].id}"",""quantity"":1},{""product_id"":""${MISSING}"",""quantity"":2}]"`;
            const text = `id,contact_id,order_items\r\nn4,${contacts[0]},${cell}\r\n`;
            const { findings } = check('orders.csv', text);
            const start = at(text, `""${MISSING}""`);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.position]), [['file/unknown-product', { file: 'orders.csv', ...start, endLine: 2, endColumn: start.column + MISSING.length + 4 }]]);
            strict_1.default.match(findings[0].message, /^Item 2 of order n4 is for product 990000001/);
        });
    });
    describe('syntax errors', () => {
        it('a malformed NDJSON line is a file/syntax finding at the error, and the other lines are still checked', () => {
            const text = [
                JSON.stringify({ id: 'n1', contact_id: contacts[0], order_title: 'A' }),
                '{"id":"n2","contact_id":',
                `{"id":"n3","contact_id":"${MISSING}","order_title":"C"}`,
            ].join('\n');
            const { findings, records } = check('orders.ndjson', text);
            strict_1.default.equal(records, 2);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.recordId, lineCol(f.position)]), [
                ['file/syntax', 'error', '#1', { line: 2, column: 25 }],
                ['file/unknown-contact', 'error', 'n3', { line: 3, column: 25 }],
            ]);
            strict_1.default.match(findings[0].message, /^Invalid JSON: a value was expected/);
            strict_1.default.equal(findings[0].entity, 'orders');
        });
        it('an unterminated CSV quote is reported at the quote, and the rows after it are still checked', () => {
            const text = `id,order_title,contact_id\nn1,"Broken title,${contacts[0]}\nn2,Fine,${MISSING}\nn3,Also fine,${contacts[1]}\n`;
            const { findings, records } = check('orders.csv', text);
            strict_1.default.equal(records, 2);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.recordId, lineCol(f.position)]), [
                ['file/syntax', '#0', { line: 2, column: 4 }],
                ['file/unknown-contact', 'n2', { line: 3, column: 9 }],
            ]);
            strict_1.default.match(findings[0].message, /^Unterminated quoted field/);
            // The error runs to the end of the quote's line.
            strict_1.default.equal(findings[0].position?.endColumn, `n1,"Broken title,${contacts[0]}`.length + 1);
        });
        it('invalid JSON: the record holding the error is reported, the others are checked', () => {
            const text = `[\n{"id":"a","contact_id":"${MISSING}","order_title":"A"},\n{"id":"b" "contact_id":"${MISSING}","order_title":"B"},\n{"id":"c","contact_id":"${MISSING}","order_title":"C"}\n]`;
            const { findings, records } = check('orders.json', text);
            strict_1.default.equal(records, 2);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.recordId, lineCol(f.position)]), [
                ['file/unknown-contact', 'a', { line: 2, column: 24 }],
                ['file/syntax', '#1', { line: 3, column: 11 }],
                ['file/unknown-contact', 'c', { line: 4, column: 24 }],
            ]);
            strict_1.default.equal(findings[1].message, 'Invalid JSON: a comma (,) was expected');
        });
        it('invalid JSON inside a CSV cell is reported inside the cell', () => {
            const text = `id,contact_id,order_items\nn1,${contacts[0]},"[{""product_id"": }]"\n`;
            const { findings } = check('orders.csv', text);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, lineCol(f.position)]), [['file/syntax', at(text, '}]')]]);
            strict_1.default.match(findings[0].message, /in the order_items cell$/);
            // The broken cell is left out; the row's other cells are still read.
            strict_1.default.deepEqual((0, sourceRecords_1.parseSourceRecords)('orders.csv', text)[0].record, { id: 'n1', contact_id: contacts[0] });
        });
        it('extra CSV cells, comments in JSON, and an empty file are syntax findings, not crashes', () => {
            const csv = check('orders.csv', `id,contact_id\nn1,${contacts[0]},surplus\n`);
            strict_1.default.deepEqual(csv.findings.map((f) => [f.ruleId, lineCol(f.position)]), [['file/syntax', { line: 2, column: 4 + contacts[0].length + 1 }]]);
            const comment = check('orders.json', `// exported\n[{"id":"n1","contact_id":"${contacts[0]}","order_title":"A"}]`);
            strict_1.default.deepEqual(comment.findings.map((f) => [f.ruleId, f.message, lineCol(f.position)]), [['file/syntax', 'Invalid JSON: comments are not allowed in JSON', { line: 1, column: 1 }]]);
            strict_1.default.equal(comment.records, 1);
            const empty = check('orders.json', '');
            strict_1.default.deepEqual(empty.findings.map((f) => f.ruleId), ['file/syntax']);
            strict_1.default.equal(check('orders.csv', '').findings.length, 0);
        });
    });
    describe('rules', () => {
        it('file/unknown-contact: orders (contact_id and contact.id), subscriptions and payments', () => {
            const text = JSON.stringify([
                { id: 'o1', contact_id: contacts[0], order_title: 'ok' },
                { id: 'o2', contact: { id: contacts[1] }, order_items: [] },
                { id: 'o3', contact: { id: MISSING }, order_items: [] },
                { id: 's1', contact_id: contacts[0], subscription_plan_id: '1' },
                { id: 's2', contact_id: MISSING, subscription_plan_id: '1' },
                { id: 'p1', contact_id: contacts[1], payment_amount: 10 },
                { id: 'p2', contact_id: Number(MISSING), payment_amount: 10 },
                { id: 'c1', given_name: 'Has no contact', contact_id: MISSING },
            ], null, 1);
            const found = only(check('mixed.json', text).findings, 'file/unknown-contact');
            strict_1.default.deepEqual(found.map((f) => [f.entity, f.recordId]), [
                ['orders', 'o3'],
                ['subscriptions', 's2'],
                ['payments', 'p2'],
            ]);
            strict_1.default.deepEqual(lineCol(found[0].position), at(text, `"${MISSING}"`, 0));
            strict_1.default.deepEqual(lineCol(found[2].position), at(text, MISSING, 2));
            strict_1.default.equal(found[1].message, `Subscription s2 is for contact ${MISSING}, which is not in the snapshot`);
        });
        it('file/unknown-product: by product_id, product.id or only a sku; items without a product are fine', () => {
            const order = {
                id: 'o1',
                contact_id: contacts[0],
                order_items: [
                    { product_id: products[0].id, quantity: 1 },
                    { product: { id: products[1].id } },
                    { product: { sku: products[0].sku } },
                    { sku: products[1].sku },
                    { item_type: 'SHIPPING', price: 5 },
                    { product_id: MISSING },
                    { product: { sku: 'NO-SUCH-SKU' } },
                    { product: { id: MISSING, sku: products[0].sku } },
                ],
            };
            const text = JSON.stringify([order], null, 2);
            const found = check('orders.json', text).findings;
            strict_1.default.deepEqual(found.map((f) => [f.ruleId, f.message]), [
                ['file/unknown-product', `Item 6 of order o1 is for product ${MISSING}, which is not in the snapshot`],
                ['file/unknown-product', 'Item 7 of order o1 is for SKU "NO-SUCH-SKU", which no product in the snapshot has'],
                ['file/unknown-product', `Item 8 of order o1 is for product ${MISSING}, which is not in the snapshot`],
            ]);
            strict_1.default.deepEqual(found.map((f) => lineCol(f.position)), [at(text, `"${MISSING}"`, 0), at(text, '"NO-SUCH-SKU"'), at(text, `"${MISSING}"`, 1)]);
            // Order items exported on their own (order_items.csv) are checked too.
            const items = check('order_items.csv', `order_id,id,product.id,quantity\no1,i1,${products[0].id},1\no1,i2,${MISSING},1\n`);
            strict_1.default.deepEqual(items.findings.map((f) => [f.ruleId, f.entity, f.recordId, lineCol(f.position)]), [['file/unknown-product', 'order_items', 'i2', { line: 3, column: 7 }]]);
        });
        it('file/unknown-order: order_id or order_ids[] in neither the snapshot nor the file', () => {
            const text = [
                JSON.stringify({ id: 'new-order', contact_id: contacts[0], order_title: 'New' }),
                JSON.stringify({ id: 'p1', contact_id: contacts[0], payment_amount: 5, order_ids: [orders[0]] }),
                JSON.stringify({ id: 'p2', contact_id: contacts[0], payment_amount: 5, order_ids: ['new-order'] }),
                JSON.stringify({ id: 'p3', contact_id: contacts[0], payment_amount: 5, order_ids: [orders[1], MISSING] }),
                JSON.stringify({ id: 'p4', contact_id: contacts[0], pay_time: '2026-01-01T00:00:00Z', order_id: 'gone' }),
            ].join('\n');
            const found = check('import.ndjson', text).findings;
            strict_1.default.deepEqual(found.map((f) => [f.ruleId, f.recordId, lineCol(f.position)]), [
                ['file/unknown-order', 'p3', at(text, `"${MISSING}"`)],
                ['file/unknown-order', 'p4', at(text, '"gone"')],
            ]);
            strict_1.default.equal(found[0].message, `Payment p3 is for order ${MISSING}, which is neither in the snapshot nor in this file`);
        });
        it("file/duplicate-id: the second record, naming the first one's line; same id in another entity is fine", () => {
            const text = [
                JSON.stringify({ id: 'x1', contact_id: contacts[0], order_title: 'A' }),
                JSON.stringify({ id: 'x1', given_name: 'A contact, not an order' }),
                JSON.stringify({ id: 'x2', contact_id: contacts[0], order_title: 'B' }),
                JSON.stringify({ id: 'x1', contact_id: contacts[1], order_title: 'A again' }),
            ].join('\n');
            const found = check('mixed.ndjson', text).findings;
            strict_1.default.deepEqual(found.map((f) => [f.ruleId, f.entity, f.recordId, lineCol(f.position), f.message]), [['file/duplicate-id', 'orders', 'x1', { line: 4, column: 7 }, 'Order x1 is in the file twice: it is first at line 1']]);
        });
        it('a file with more ids than memory keeps finds the same duplicates and the same orders as one that fits', () => {
            // 3,000 orders whose last 1,000 repeat every 50th id of the first 1,000; a payment for each order
            // and one for an order nowhere. With the index spilling every 100 ids, the repeats and most
            // orders a payment names are found on disk.
            const orderIds = [];
            for (let i = 1; i <= 3000; i++)
                orderIds.push(900_000_000 + (i > 2000 && i % 50 === 0 ? i - 2000 : i));
            const text = orderIds.map((id, i) => JSON.stringify({ id, contact_id: contacts[0], order_title: `Order ${i}` })).join('\n');
            const payments = [...orderIds, 999_999_999]
                .map((order, i) => JSON.stringify({ id: 800_000_000 + i, contact_id: contacts[0], payment_amount: 1, order_id: order }))
                .join('\n');
            const both = `${text}\n${payments}`;
            const inMemory = check('import.ndjson', both).findings;
            const spilled = check('import.ndjson', both, { idIndex: { spillAt: 100 } }).findings;
            strict_1.default.equal(only(inMemory, 'file/duplicate-id').length, 20);
            strict_1.default.equal(only(inMemory, 'file/duplicate-id')[0].message, `Order 900000050 is in the file twice: it is first at line 50`);
            strict_1.default.equal(only(inMemory, 'file/duplicate-id')[0].position?.line, 2050);
            strict_1.default.deepEqual(only(inMemory, 'file/unknown-order').map((f) => f.recordId), ['800003000']);
            strict_1.default.deepEqual(spilled, inMemory);
        });
        it('file/existing-order-id: a warning on the id of an order the snapshot has', () => {
            const text = JSON.stringify([
                { id: orders[0], contact_id: contacts[0], order_title: 'Re-import' },
                { id: 'brand-new', contact_id: contacts[0], order_title: 'New' },
                { contact_id: contacts[0], order_title: 'Create request without an id' },
            ], null, 2);
            const found = check('orders.json', text).findings;
            strict_1.default.deepEqual(found.map((f) => [f.ruleId, f.severity, f.recordId, lineCol(f.position)]), [['file/existing-order-id', 'warning', orders[0], { line: 3, column: 11 }]]);
            strict_1.default.match(found[0].message, /already exists in the snapshot; importing it creates a second order/);
        });
        it('file/unknown-tag: a warning on each tag id the snapshot lacks (JSON arrays and `;`-joined CSV cells)', () => {
            const json = JSON.stringify([{ id: 'c1', given_name: 'Ann', tag_ids: [tags[0], MISSING, tags[1]] }]);
            const found = check('contacts.json', json).findings;
            strict_1.default.deepEqual(found.map((f) => [f.ruleId, f.severity, f.recordId, lineCol(f.position)]), [['file/unknown-tag', 'warning', 'c1', at(json, `"${MISSING}"`)]]);
            const csv = `id,given_name,tag_ids\nc1,Ann,${tags[0]};${MISSING}\n`;
            const fromCsv = check('contacts.csv', csv).findings;
            strict_1.default.deepEqual(fromCsv.map((f) => [f.ruleId, f.position]), [
                [
                    'file/unknown-tag',
                    { file: 'contacts.csv', ...at(csv, MISSING), endLine: 2, endColumn: at(csv, MISSING).column + MISSING.length },
                ],
            ]);
        });
        it('valid records give no findings at all', () => {
            const text = JSON.stringify({
                meta: { snapshotId: 'x' },
                entities: {
                    contacts: [{ id: 'c-new', given_name: 'New', tag_ids: tags, email_addresses: [{ email: 'a@example.com' }] }],
                    orders: [
                        {
                            id: 'o-new',
                            contact: { id: contacts[0] },
                            order_items: [{ product: { id: products[0].id } }, { product_id: products[1].id }],
                        },
                    ],
                    payments: [{ id: 'p-new', contact_id: contacts[1], order_ids: [orders[0], 'o-new'] }],
                    subscriptions: [{ id: 's-new', contact_id: contacts[0], subscription_plan_id: '1' }],
                },
            }, null, 2);
            strict_1.default.deepEqual(check('snapshot.json', text), { findings: [], records: 4, skipped: 0 });
        });
    });
    describe('reading files', () => {
        it('entities come from an export document, a Keap list answer or the file name; otherwise from the fields', () => {
            const doc = (0, sourceRecords_1.parseSourceRecords)('snapshot.json', JSON.stringify({ meta: {}, entities: { orders: [{ id: '1' }], tags: [{ id: '2' }] } }));
            strict_1.default.deepEqual(doc.map((r) => [r.index, r.entity]), [
                [0, 'orders'],
                [1, 'tags'],
            ]);
            const list = (0, sourceRecords_1.parseSourceRecords)('page.json', JSON.stringify({ orders: [{ id: '1' }, { id: '2' }], next_page_token: 'abc' }));
            strict_1.default.deepEqual(list.map((r) => r.entity), ['orders', 'orders']);
            const single = (0, sourceRecords_1.parseSourceRecords)('one.json', JSON.stringify({ id: '1', custom_fields: [], given_name: 'A' }));
            strict_1.default.deepEqual(single.map((r) => [r.entity, r.record.given_name]), [[undefined, 'A']]);
            strict_1.default.deepEqual((0, sourceRecords_1.parseSourceRecords)('orders-2026.ndjson', '{"id":"1"}').map((r) => r.entity), ['orders']);
            strict_1.default.deepEqual((0, sourceRecords_1.parseSourceRecords)('order_items.csv', 'id\n1\n').map((r) => r.entity), ['order_items']);
            strict_1.default.deepEqual((0, sourceRecords_1.parseSourceRecords)('export/contacts.jsonl', '{"id":"1"}').map((r) => r.entity), ['contacts']);
        });
        it('records of no recognisable kind are skipped and counted', () => {
            const text = JSON.stringify([
                { id: '1', name: 'What is this?' },
                { id: '2', given_name: 'A contact' },
                { id: '3', order_ids: [MISSING] },
            ]);
            const result = check('data.json', text);
            strict_1.default.equal(result.records, 3);
            strict_1.default.equal(result.skipped, 1);
            strict_1.default.deepEqual(result.findings.map((f) => [f.ruleId, f.entity, f.recordId]), [['file/unknown-order', 'payments', '3']]);
        });
        it('CSV cells stay text except known numeric and boolean fields; dotted columns nest; JSON cells are parsed', () => {
            const text = 'id,contact.id,total.amount,quantity,active,order_title,order_items,notes\n' +
                '007,00042,12.50,3,true,12345,"[{""product_id"":""1"",""quantity"":2}]",1e3\n';
            const [row] = (0, sourceRecords_1.parseSourceRecords)('orders.csv', text);
            strict_1.default.deepEqual(row.record, {
                id: '007',
                contact: { id: '00042' },
                total: { amount: 12.5 },
                quantity: 3,
                active: true,
                order_title: '12345',
                order_items: [{ product_id: '1', quantity: 2 }],
                notes: '1e3',
            });
            strict_1.default.deepEqual(lineCol(row.fieldPosition('contact.id')), { line: 2, column: 5 });
            strict_1.default.deepEqual(lineCol(row.fieldPosition('contact')), { line: 2, column: 5 });
            strict_1.default.equal(row.fieldPosition('nothing.here'), undefined);
        });
        it('HTML and quotes in values are data, kept exactly and quoted in messages', () => {
            const html = '<script>alert("x")</script>';
            const id = '"><img src=x onerror=alert(1)>';
            const csv = `id,given_name,order_title,contact_id\r\n"${id.replace(/"/g, '""')}","${html.replace(/"/g, '""')}",'=1+1,"${id.replace(/"/g, '""')}"\r\n`;
            const [row] = (0, sourceRecords_1.parseSourceRecords)('orders.csv', csv);
            strict_1.default.equal(row.record.given_name, html);
            strict_1.default.equal(row.record.id, id);
            strict_1.default.equal(row.record.order_title, '=1+1', "the export's formula guard is removed");
            const { findings } = check('orders.csv', csv);
            strict_1.default.deepEqual(findings.map((f) => [f.ruleId, f.recordId, f.message]), [['file/unknown-contact', id, `Order ${JSON.stringify(id)} is for contact ${JSON.stringify(id)}, which is not in the snapshot`]]);
            const json = JSON.stringify([{ id, given_name: html, contact_id: id, order_title: html }]);
            const [fromJson] = check('orders.json', json).findings;
            strict_1.default.deepEqual(lineCol(fromJson.position), at(json, JSON.stringify(id), 1));
            strict_1.default.equal((0, sourceRecords_1.parseSourceRecords)('orders.json', json)[0].record.order_title, html);
        });
        it('headers cannot reach a prototype', () => {
            const [row] = (0, sourceRecords_1.parseSourceRecords)('contacts.csv', '__proto__.polluted,constructor.prototype.x,id\nyes,no,1\n');
            strict_1.default.equal({}.polluted, undefined);
            strict_1.default.equal(Object.getPrototypeOf(row.record), Object.prototype);
            strict_1.default.deepEqual(Object.keys(row.record), ['__proto__', 'constructor', 'id']);
        });
        it('the format comes from the extension, or is given; an unknown one is a clear error', () => {
            strict_1.default.equal((0, sourceRecords_1.parseSourceFile)('a.JSONL', '{"id":"1"}').format, 'ndjson');
            strict_1.default.equal((0, sourceRecords_1.parseSourceFile)('data.txt', 'id\n1\n', 'csv').records.length, 1);
            strict_1.default.throws(() => (0, sourceRecords_1.parseSourceFile)('data.txt', ''), (err) => err instanceof sourceRecords_1.SourceFormatError && /\.json, \.ndjson, \.jsonl or \.csv/.test(err.message));
        });
    });
    describe('rules and settings', () => {
        it('every file rule has an id, a title and an explanation of why it matters and how to fix it', () => {
            strict_1.default.equal(new Set(validateFile_1.FILE_RULES.map((r) => r.id)).size, validateFile_1.FILE_RULES.length);
            strict_1.default.deepEqual(validateFile_1.FILE_RULES.map((r) => r.id).sort(), [
                'file/duplicate-id',
                'file/existing-order-id',
                'file/syntax',
                'file/unknown-contact',
                'file/unknown-order',
                'file/unknown-product',
                'file/unknown-tag',
            ]);
            for (const rule of validateFile_1.FILE_RULES) {
                strict_1.default.match(rule.id, /^file\/[a-z-]+$/);
                strict_1.default.ok(rule.title.length > 10 && rule.explanation.length > 120, rule.id);
            }
        });
        it('rules can be switched off or given another severity; snapshot rule ids are ignored; unknown ids are an error', () => {
            const text = JSON.stringify([{ id: orders[0], contact_id: MISSING, order_title: 'A' }]);
            strict_1.default.deepEqual(check('orders.json', text).findings.map((f) => [f.ruleId, f.severity]), [
                ['file/existing-order-id', 'warning'],
                ['file/unknown-contact', 'error'],
            ]);
            const changed = check('orders.json', text, {
                rules: { 'file/unknown-contact': 'off', 'file/existing-order-id': 'info', 'order/orphan-contact': 'off' },
            });
            strict_1.default.deepEqual(changed.findings.map((f) => [f.ruleId, f.severity]), [['file/existing-order-id', 'info']]);
            strict_1.default.throws(() => check('orders.json', text, { rules: { 'file/nope': 'off' } }), /Unknown rule 'file\/nope'/);
        });
    });
});
//# sourceMappingURL=fileValidation.test.js.map