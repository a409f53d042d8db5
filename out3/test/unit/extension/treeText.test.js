"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * What the explorer and the Restores view say, to the eye and to a screen reader: an order by its
 * number, contact, amount and status; each Live row its own sentence; a restore by its status, date
 * and counts, never a UUID or a path. Plain Node: the words are built without VS Code.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const treeText_1 = require("../../../src/extension/explorer/treeText");
const restoreText_1 = require("../../../src/extension/restore/restoreText");
const order = {
    id: '240',
    status: 'PAID',
    total: { amount: 40150, currency_code: 'USD', formatted_amount: '$401.50' },
    contact: { id: '21', given_name: 'Megan', family_name: 'Wilson' },
};
describe('VS Code: tree rows in words', () => {
    it('an order reads its number, contact, amount and status; its description stays short', () => {
        const text = (0, treeText_1.recordText)('orders', order);
        strict_1.default.equal(text.spoken, 'Order 240, Megan Wilson, $401.50, paid');
        strict_1.default.equal(text.label, '#240 Megan Wilson');
        strict_1.default.equal(text.description, '$401.50', 'paid, the usual status, goes unsaid in the sidebar');
        strict_1.default.equal((0, treeText_1.recordText)('orders', { ...order, status: 'DRAFT' }).description, '$401.50 draft');
        strict_1.default.equal(text.tooltip, text.spoken);
    });
    it('records without a sentence of their own are read as noun, name and description, without symbols', () => {
        strict_1.default.equal((0, treeText_1.recordText)('companies', { id: '5', company_name: 'Acme' }).spoken, 'Company Acme, id 5');
        strict_1.default.equal((0, treeText_1.recordText)('contacts', { id: '21', given_name: 'Megan', email_addresses: [{ email: 'm@example.com' }] }).spoken, 'Contact Megan, m@example.com');
        strict_1.default.equal((0, treeText_1.recordText)('payments', { id: '7', amount: 12.5, payment_time: '2026-11-02T10:00:00Z' }).spoken, 'Payment 7, $12.50, on 2026-11-02');
        const item = (0, treeText_1.orderItemText)({
            id: '1',
            name: 'Widget',
            quantity: 2,
            price_per_unit: { amount: 2000, currency_code: 'USD' },
            product: { id: '6' },
        });
        strict_1.default.equal(item.spoken, 'Item Widget, quantity 2, $20.00 each, product 6');
    });
    it('each Live row has its own sentence, and says where its count comes from', () => {
        const rows = ['orders', 'contacts', 'payments'].map((e) => (0, treeText_1.entityText)(e, 'live', 12, '2026-11-27T10:00:00Z', 'en-GB'));
        strict_1.default.equal(new Set(rows.map((r) => r.spoken)).size, 3);
        strict_1.default.equal(new Set(rows.map((r) => r.tooltip)).size, 3);
        strict_1.default.equal(rows[0].spoken, 'Orders, live from Keap, 12 at the last snapshot');
        strict_1.default.match(rows[0].tooltip, /the snapshot of 27 Nov 2026 held/);
        strict_1.default.equal((0, treeText_1.entityText)('order_items', 'snapshot', 1200).spoken, 'Order items, 1,200 in this snapshot');
    });
    it('a connection Keap refused says so in words, with the fix', () => {
        const refused = (0, treeText_1.connectionText)({ name: 'Keap (acme)', baseUrl: 'https://api.infusionsoft.com/crm/rest' }, 'refused');
        strict_1.default.equal(refused.description, 'credential refused');
        strict_1.default.match(refused.spoken, /^Connection Keap \(acme\): Keap refused the credential .* Set Credential…\.$/);
        strict_1.default.ok(!/keymanagement|⚠/.test(refused.spoken + refused.tooltip));
        strict_1.default.equal((0, treeText_1.connectionText)({ name: 'Keap (acme)', baseUrl: 'https://api.infusionsoft.com/crm/rest' }).spoken, 'Connection Keap (acme), api.infusionsoft.com');
    });
    it('a snapshot reads its local date and counts; the file path stays in the tooltip', () => {
        const text = (0, treeText_1.snapshotText)({
            file: '/data/snapshots/keap-acme-2026.kvsnap',
            bytes: 3 * 1024 * 1024,
            encrypted: true,
            meta: { finishedAt: '2026-11-27T10:05:00Z', account: 'acme', counts: { orders: 1240, contacts: 200 } },
        }, 'en-GB');
        strict_1.default.equal(text.description, '1,240 orders');
        strict_1.default.match(text.spoken, /^Snapshot taken 27 November 2026 at \d\d:05, 1,240 orders, 200 contacts, 3\.0 MiB, encrypted$/);
        strict_1.default.ok(!text.spoken.includes('/data/'));
        strict_1.default.match(text.tooltip, /keap-acme-2026\.kvsnap/);
    });
});
describe('VS Code: Restores view entries in words', () => {
    const entry = {
        planId: '3f0c2c1e-9a7b-4f7e-8d1a-5b2f6e9d0c11',
        file: '/data/plans/restore-plan-3f0c2c1e.json',
        connectionId: 'demo',
        account: 'emulator.keap-vault.local',
        createdAt: '2026-12-03T14:05:00.000Z',
        creates: 7,
        updates: 0,
        status: 'applied',
        result: { created: 7, updated: 0, failed: 0, problems: 0, finishedAt: '2026-12-03T14:07:00.000Z' },
    };
    it('leads with the status, then when and how much; no UUID or path is spoken', () => {
        const text = (0, restoreText_1.restoreText)(entry, 'Keap emulator (demo)', 'en-GB', 'UTC');
        strict_1.default.equal(text.label, 'Applied');
        strict_1.default.equal(text.description, '3 Dec 2026, 14:07 · 7 created');
        strict_1.default.equal(text.spoken, 'Restore applied, 3 December 2026 at 14:07, 7 created, into Keap emulator (demo)');
        strict_1.default.ok(!text.spoken.includes(entry.planId) && !text.spoken.includes('/data/'));
        strict_1.default.match(text.tooltip, /Plan file: \/data\/plans\/restore-plan-3f0c2c1e\.json/);
    });
    it('says what a plan would do before it is applied, and when an apply waits for the quota', () => {
        const planned = (0, restoreText_1.restoreText)({ ...entry, status: 'planned', result: undefined, updates: 2 }, undefined, 'en-GB', 'UTC');
        strict_1.default.equal(planned.label, 'Planned');
        strict_1.default.equal(planned.description, '3 Dec 2026, 14:05 · 7 to create, 2 to update');
        strict_1.default.match(planned.spoken, /into emulator\.keap-vault\.local$/);
        const paused = (0, restoreText_1.restoreText)({ ...entry, status: 'applying', result: undefined, paused: { until: '2026-12-04T00:00:00.000Z', stepsLeft: 5 } }, 'Demo', 'en-GB', 'UTC');
        strict_1.default.equal(paused.label, 'Paused until 00:00');
        strict_1.default.equal((0, restoreText_1.restoreText)({ ...entry, status: 'stale', result: undefined }, 'Demo', 'en-GB').label, 'Out of date');
    });
});
//# sourceMappingURL=treeText.test.js.map