"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The order card's words (money and dates in the user's locale, Keap's codes as words, links to the
 * records it ties together), record titles, the card page's policy, and the status bar's words.
 * Plain Node: none of these modules imports VS Code.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const orderCard_1 = require("../../../src/extension/recordCard/orderCard");
const recordCardHtml_1 = require("../../../src/extension/recordCard/recordCardHtml");
const recordNames_1 = require("../../../src/extension/recordNames");
const statusText_1 = require("../../../src/extension/status/statusText");
const order = {
    id: '240',
    status: 'PAID',
    order_time: '2023-12-06T13:41:06.000Z',
    order_type: 'ONLINE',
    source_type: 'CHECKOUT_FORM',
    total: { amount: 40150, currency_code: 'USD', formatted_amount: '$401.50' },
    total_paid: { amount: 40150, currency_code: 'USD', formatted_amount: '$401.50' },
    total_due: { amount: 0, currency_code: 'USD', formatted_amount: '$0.00' },
    contact: { id: '21', given_name: 'Megan', family_name: 'Wilson', email: 'megan@example.com' },
    order_items: [],
};
describe('VS Code: the order card', () => {
    const card = (0, orderCard_1.orderCard)({
        order,
        items: [
            {
                item: {
                    id: '1',
                    name: 'Widget',
                    quantity: 2,
                    price_per_unit: { amount: 20075, currency_code: 'USD', formatted_amount: '$200.75' },
                    product: { id: '6' },
                },
                product: { id: '6', name: 'Widget Pro' },
            },
        ],
        payments: [{ id: '7', amount: 401.5, payment_time: '2023-12-06T13:45:00.000Z', type: 'CREDIT_CARD', status: 'APPROVED' }],
        source: 'snapshot',
        where: 'From the snapshot of 27 Nov 2026, 10:05',
        problems: ['Order 240 is a likely duplicate of order 241'],
        locale: 'en-GB',
        timeZone: 'UTC',
    });
    it('reads as a person would: contact, money formatted, local dates, statuses in words', () => {
        strict_1.default.equal(card.title, 'Order 240');
        strict_1.default.equal(card.status, 'Paid');
        strict_1.default.deepEqual(card.contact, { name: 'Megan Wilson', email: 'megan@example.com', link: { entity: 'contacts', id: '21' } });
        strict_1.default.deepEqual(card.facts.slice(0, 3), [
            { label: 'Ordered', value: '6 Dec 2023, 13:41' },
            { label: 'Order type', value: 'Online' },
            { label: 'Came from', value: 'Checkout form' },
        ]);
        strict_1.default.deepEqual(card.totals, [
            { label: 'Total', value: 'US$401.50' },
            { label: 'Paid', value: 'US$401.50' },
            { label: 'Due', value: 'US$0.00' },
        ]);
        const text = JSON.stringify(card);
        strict_1.default.ok(!/40150|2023-12-06T|PAID|CHECKOUT_FORM/.test(text), `no cents, ISO times or codes: ${text}`);
    });
    it('lists items with their products and payments, linked to their records', () => {
        strict_1.default.deepEqual(card.items, [
            {
                name: 'Widget',
                product: { name: 'Widget Pro', link: { entity: 'products', id: '6' } },
                kind: undefined,
                quantity: '2',
                unitPrice: 'US$200.75',
                amount: 'US$401.50',
                note: undefined,
            },
        ]);
        strict_1.default.deepEqual(card.payments, [
            {
                title: 'Payment 7',
                date: '6 Dec 2023, 13:45',
                amount: 'US$401.50',
                method: 'Credit card',
                status: 'Approved',
                link: { entity: 'payments', id: '7' },
            },
        ]);
        strict_1.default.equal(card.restorable, true);
        strict_1.default.deepEqual(card.problems, ['Order 240 is a likely duplicate of order 241']);
    });
    it('reads a live order’s payment rows (payment_id, pay_time) and offers no restore', () => {
        const live = (0, orderCard_1.orderCard)({
            order,
            items: [],
            payments: [{ id: '900', payment_id: '7', amount: 10, pay_time: '2023-12-06T13:45:00.000Z', pay_status: 'MANUAL_PAID' }],
            source: 'live',
            where: 'Live',
            locale: 'en-US',
            timeZone: 'UTC',
        });
        strict_1.default.equal(live.payments[0].title, 'Payment 7');
        strict_1.default.equal(live.payments[0].status, 'Manual paid');
        strict_1.default.equal(live.payments[0].amount, '$10.00');
        strict_1.default.equal(live.restorable, false);
        strict_1.default.equal((0, orderCard_1.words)('DRAFT'), 'Draft');
        strict_1.default.equal((0, orderCard_1.words)('API'), 'API');
    });
    it('its page allows only its own scripts and styles, and carries no record data', () => {
        const html = (0, recordCardHtml_1.recordCardHtml)({
            cspSource: "'self' https://example.vscode-cdn.net",
            scriptUri: 'https://example.vscode-cdn.net/dist/recordCard.js',
            styleUri: 'https://example.vscode-cdn.net/dist/recordCard.css',
            title: 'Order 240 · <b>Megan</b>',
            nonce: 'abc123',
        });
        strict_1.default.match(html.replace(/&#39;/g, "'"), /default-src 'none'; .*script-src 'nonce-abc123'/);
        strict_1.default.ok(!html.includes('unsafe-inline'));
        strict_1.default.ok(html.includes('Order 240 · &lt;b&gt;Megan&lt;/b&gt;'));
        strict_1.default.equal((html.match(/<script/g) ?? []).length, 1);
    });
});
describe('VS Code: record titles', () => {
    it('name a record by its noun, id and what its label adds', () => {
        strict_1.default.equal((0, recordNames_1.recordTitle)('orders', '137', '#137 Megan Wilson'), 'Order 137 · Megan Wilson');
        strict_1.default.equal((0, recordNames_1.recordTitle)('payments', '7', 'Payment #7'), 'Payment 7');
        strict_1.default.equal((0, recordNames_1.recordTitle)('order_items', '3', 'Widget × 2'), 'Order item 3 · Widget × 2');
        strict_1.default.equal((0, recordNames_1.recordTitle)('contacts', '21'), 'Contact 21');
        strict_1.default.equal((0, recordNames_1.asPathSegment)('A/B\\C\u0000'), 'A-B-C');
    });
});
describe('VS Code: the status bar', () => {
    const connection = { name: 'Keap (acme)', baseUrl: 'https://api.infusionsoft.com/crm/rest' };
    it('shows the connection, or the work running against it, or what is wrong with it', () => {
        strict_1.default.equal((0, statusText_1.statusText)({ connection, work: [] })?.text, '$(plug) Keap (acme)');
        strict_1.default.equal((0, statusText_1.statusText)({ connection, work: ['taking a snapshot'] })?.text, '$(sync~spin) Keap (acme): taking a snapshot');
        const refused = (0, statusText_1.statusText)({ connection, problem: 'refused', work: ['taking a snapshot'] });
        strict_1.default.equal(refused.text, '$(warning) Keap (acme): credential refused');
        strict_1.default.equal(refused.click, 'set-credential');
        strict_1.default.equal(refused.warning, true);
        const paused = (0, statusText_1.statusText)({
            connection,
            work: [],
            applying: { paused: { until: '2026-12-04T00:00:00.000Z', stepsLeft: 3 } },
            timeZone: 'UTC',
        });
        strict_1.default.equal(paused.text, '$(watch) Keap (acme): restore paused until 00:00');
        // An apply's only status bar entry: how far it is.
        const restoring = (0, statusText_1.statusText)({ connection, work: [], applying: { done: 12, total: 40 } });
        strict_1.default.equal(restoring.text, '$(sync~spin) Keap (acme): restoring 12/40');
        strict_1.default.equal(restoring.spoken, 'Keap Vault: restoring into Keap (acme): 12 steps of 40 done');
        strict_1.default.equal((0, statusText_1.statusText)({ connection, work: [], applying: {} })?.text, '$(sync~spin) Keap (acme): restoring');
        strict_1.default.equal((0, statusText_1.statusText)({ work: [] }), undefined);
    });
});
//# sourceMappingURL=recordCard.test.js.map