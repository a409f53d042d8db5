"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const axios_1 = __importDefault(require("axios"));
const errors_1 = require("../../../src/core/keap/errors");
const filter_1 = require("../../../src/core/keap/filter");
const emulator_1 = require("../support/emulator");
async function seedBasics(client) {
    const contact = await client.contacts.create({
        given_name: 'Ada',
        family_name: "O'Brien & Sons",
        email_addresses: [{ email: 'ada@example.test', field: 'EMAIL1' }],
    });
    const widget = await client.products.create({ name: 'Widget <b>', price: 1250, short_description: 'A widget', sku: 'W-1' });
    const gadget = await client.products.create({ name: 'Gadget', price: 999, short_description: 'A gadget', sku: 'G-1' });
    return { contact, widget, gadget };
}
describe('Keap emulator behaviour (through the client, over HTTP)', () => {
    let account;
    beforeEach(async () => {
        account = await (0, emulator_1.startTestAccount)();
    });
    after(emulator_1.closeTestAccounts);
    it('assigns new string ids on create, and a re-created record never gets its old id', async () => {
        const { client } = account;
        const first = await client.contacts.create({ given_name: 'Bea', email_addresses: [{ email: 'bea@example.test' }] });
        strict_1.default.match(first.id, /^\d+$/);
        await client.contacts.delete(first.id);
        const again = await client.contacts.create({ given_name: 'Bea', email_addresses: [{ email: 'bea@example.test' }] });
        strict_1.default.notEqual(again.id, first.id);
        await strict_1.default.rejects(client.contacts.get(first.id), errors_1.KeapNotFoundError);
    });
    it('rejects server-assigned fields in a create', async () => {
        await strict_1.default.rejects(account.client.transport.request({
            method: 'POST',
            path: '/v2/contacts',
            body: { id: '5', given_name: 'X', email_addresses: [{ email: 'x@example.test' }] },
        }), (err) => err instanceof errors_1.KeapValidationError && /Unrecognized property: id/.test(err.message));
    });
    it('derives order totals from items, keeps order and invoice ids apart, and tracks payments', async () => {
        const { client } = account;
        const { contact, widget, gadget } = await seedBasics(client);
        const order = await client.orders.create({
            contact_id: contact.id,
            order_title: 'First',
            order_time: '2026-03-01T10:00:00Z',
            order_type: 'OFFLINE',
            order_items: [
                { product_id: widget.id, quantity: 2 },
                { product_id: gadget.id, quantity: 1, price_per_unit: 5.5 },
            ],
        });
        strict_1.default.equal(order.total?.amount, 2 * 1250 + 550);
        strict_1.default.equal(order.total?.formatted_amount, '$30.50');
        strict_1.default.equal(order.status, 'DRAFT');
        strict_1.default.notEqual(order.invoice_id, order.id);
        strict_1.default.equal(order.order_items?.[0].product?.id, widget.id);
        strict_1.default.equal(order.order_items?.[0].price_per_unit?.amount, 1250);
        const payment = await client.orders.recordPayment(order.id, {
            payment_amount: 10,
            apply_to_commissions: false,
            payment_method_type: 'Cash',
            payment_time: '2026-03-02T00:00:00Z',
        });
        strict_1.default.equal(payment.invoice_id, order.invoice_id);
        const partly = await client.orders.get(order.id);
        strict_1.default.equal(partly.total_paid?.amount, 1000);
        strict_1.default.equal(partly.total_due?.amount, 2050);
        await strict_1.default.rejects(client.orders.recordPayment(order.id, { payment_amount: 20.51, apply_to_commissions: false, payment_method_type: 'Cash' }), (err) => err instanceof errors_1.KeapValidationError && /exceeds the order balance 20.50/.test(err.message));
        await client.orders.recordPayment(order.id, { payment_amount: 20.5, apply_to_commissions: true, payment_method_type: 'Check' });
        const paid = await client.orders.get(order.id);
        strict_1.default.equal(paid.status, 'PAID');
        strict_1.default.equal(paid.total_due?.amount, 0);
        const payments = await (0, emulator_1.collect)(client.orders.payments(order.id));
        strict_1.default.deepEqual(payments.map((p) => p.amount), [10, 20.5]);
        strict_1.default.ok(payments.every((p) => p.invoice_id === order.invoice_id && p.payment_id !== p.id));
        const sales = await (0, emulator_1.collect)(client.payments.list({ filter: (0, filter_1.filter)('order_id', '==', order.id) }));
        strict_1.default.deepEqual(sales.map((p) => p.order_ids), [[order.id], [order.id]]);
        const transactions = await (0, emulator_1.collect)(client.transactions.list({ filter: (0, filter_1.filter)('order_id', '==', order.id) }));
        strict_1.default.equal(transactions.length, 2);
        // Payments are forever: the order cannot be deleted, and there is no way to delete a payment.
        await strict_1.default.rejects(client.orders.delete(order.id), (err) => err instanceof errors_1.KeapValidationError && /payments recorded/.test(err.message));
        await strict_1.default.rejects(client.transport.request({ method: 'DELETE', path: `/v2/orders/${order.id}/payments` }), (err) => err instanceof errors_1.KeapValidationError && err.status === 405);
    });
    it('adds, updates and deletes order items, and refuses to drop a total below what was paid', async () => {
        const { client } = account;
        const { contact, widget, gadget } = await seedBasics(client);
        const order = await client.orders.create({
            contact_id: contact.id,
            order_title: 'Items',
            order_time: '2026-03-01T10:00:00Z',
            order_type: 'ONLINE',
            order_items: [{ product_id: widget.id, quantity: 1 }],
        });
        const item = await client.orders.addItem(order.id, { product_id: gadget.id, quantity: 3 });
        strict_1.default.equal((await client.orders.get(order.id)).total?.amount, 1250 + 3 * 999);
        await client.orders.recordPayment(order.id, { payment_amount: 40, apply_to_commissions: false, payment_method_type: 'Cash' });
        await strict_1.default.rejects(client.orders.deleteItem(order.id, item.id), /would total less than/);
        await strict_1.default.rejects(client.orders.create({
            contact_id: contact.id,
            order_title: 'Bad',
            order_time: '2026-03-01T10:00:00Z',
            order_type: 'ONLINE',
            order_items: [{ product_id: '99999', quantity: 1 }],
        }), /Product 99999 does not exist/);
        await strict_1.default.rejects(client.orders.create({ contact_id: '424242', order_title: 'Bad', order_time: '2026-03-01T10:00:00Z', order_type: 'ONLINE' }), /Contact 424242 does not exist/);
    });
    it('upserts contacts with duplicate_option: 200 for a match, 201 for a new contact', async () => {
        const { client } = account;
        const { contact } = await seedBasics(client);
        const matched = await client.contacts.upsert({ given_name: 'Ada', email_addresses: [{ email: 'ADA@example.test' }], job_title: 'Engineer' }, 'Email');
        strict_1.default.equal(matched.created, false);
        strict_1.default.equal(matched.contact.id, contact.id);
        strict_1.default.equal(matched.contact.job_title, 'Engineer');
        const fresh = await client.contacts.upsert({ given_name: 'Cy', email_addresses: [{ email: 'cy@example.test' }] }, 'Email');
        strict_1.default.equal(fresh.created, true);
    });
    it('PATCH changes only the fields in update_mask', async () => {
        const { client } = account;
        const { contact } = await seedBasics(client);
        const updated = await client.contacts.update(contact.id, { job_title: 'CTO' });
        strict_1.default.equal(updated.job_title, 'CTO');
        strict_1.default.equal(updated.family_name, "O'Brien & Sons");
        strict_1.default.equal(updated.email_addresses?.[0].email, 'ada@example.test');
        const masked = await client.transport.request({
            method: 'PATCH',
            path: `/v2/contacts/${contact.id}`,
            query: { update_mask: ['given_name'] },
            body: { given_name: 'Adele', family_name: 'Ignored' },
        });
        strict_1.default.equal(masked.data.given_name, 'Adele');
        strict_1.default.equal(masked.data.family_name, "O'Brien & Sons");
    });
    it('filters lists by custom field, time windows, wildcards and id ranges', async () => {
        const { client, store } = account;
        const { contact, widget } = await seedBasics(client);
        const { field, created } = await client.customFields.ensure('ORDER', { label: 'Keap Vault Ref', field_type: 'TEXT' });
        strict_1.default.equal(created, true);
        strict_1.default.equal((await client.customFields.ensure('ORDER', { label: 'Keap Vault Ref', field_type: 'TEXT' })).created, false);
        store.clock = () => new Date('2026-01-01T00:00:00Z');
        const early = await client.orders.create({
            contact_id: contact.id,
            order_title: 'Early',
            order_time: '2025-12-01T00:00:00Z',
            order_type: 'ONLINE',
            order_items: [{ product_id: widget.id, quantity: 1 }],
            custom_fields: [{ id: field.id, content: 'snap1:17' }],
        });
        store.clock = () => new Date('2026-06-01T00:00:00Z');
        const late = await client.orders.create({
            contact_id: contact.id,
            order_title: 'Late',
            order_time: '2026-05-01T00:00:00Z',
            order_type: 'ONLINE',
            order_items: [{ product_id: widget.id, quantity: 1 }],
            custom_fields: [{ id: field.id, content: 'snap1:18' }],
        });
        const byMarker = await (0, emulator_1.collect)(client.orders.list({ filter: (0, filter_1.filter)(field.field_name, '==', 'snap1:18') }));
        strict_1.default.deepEqual(byMarker.map((o) => o.id), [late.id]);
        const byPrefix = await (0, emulator_1.collect)(client.orders.list({ filter: (0, filter_1.filter)(field.field_name, '==', 'snap1:*') }));
        strict_1.default.equal(byPrefix.length, 2);
        const modifiedSince = await (0, emulator_1.collect)(client.orders.list({ filter: (0, filter_1.filter)('modified_since_time', '==', '2026-03-01T00:00:00Z') }));
        strict_1.default.deepEqual(modifiedSince.map((o) => o.id), [late.id]);
        const idAbove = await (0, emulator_1.collect)(client.orders.list({ filter: (0, filter_1.filter)('id', '>', early.id) }));
        strict_1.default.deepEqual(idAbove.map((o) => o.id), [late.id]);
        const byTitle = await (0, emulator_1.collect)(client.orders.list({ filter: (0, filter_1.filter)('title', '==', 'ear*') }));
        strict_1.default.deepEqual(byTitle.map((o) => o.id), [early.id]);
        const newestFirst = await (0, emulator_1.collect)(client.orders.list({ orderBy: 'order_time desc' }));
        strict_1.default.deepEqual(newestFirst.map((o) => o.id), [late.id, early.id]);
        await strict_1.default.rejects((0, emulator_1.collect)(client.orders.list({ filter: 'colour==red' })), /Invalid filter field 'colour'/);
        await strict_1.default.rejects((0, emulator_1.collect)(client.orders.list({ orderBy: 'total asc' })), /order_by field 'total' is not supported/);
    });
    it('applies and removes tags in batches and reports unknown contacts inside a 200', async () => {
        const { client } = account;
        const { contact } = await seedBasics(client);
        const tag = await client.tags.create({ name: 'VIP <script>' });
        await strict_1.default.rejects(client.tags.create({ name: 'vip <SCRIPT>' }), errors_1.KeapConflictError);
        const results = await client.tags.apply(tag.id, [contact.id, '777777']);
        strict_1.default.deepEqual(results, { [contact.id]: 'SUCCESS', '777777': 'CONTACT_NOT_FOUND' });
        const withTags = await (0, emulator_1.collect)(client.contacts.list({ query: { fields: 'tag_ids' } }));
        strict_1.default.deepEqual(withTags[0].tag_ids, [tag.id]);
        strict_1.default.deepEqual((await (0, emulator_1.collect)(client.tags.contacts(tag.id))).map((c) => c.id), [contact.id]);
        strict_1.default.deepEqual((await (0, emulator_1.collect)(client.contacts.tags(contact.id))).map((t) => t.tag.name), ['VIP <script>']);
        await client.tags.remove(tag.id, [contact.id]);
        strict_1.default.deepEqual(await (0, emulator_1.collect)(client.tags.contacts(tag.id)), []);
    });
    it('creates subscriptions only from today on, refuses duplicates, and reads plans', async () => {
        const { client, store } = account;
        store.clock = () => new Date('2026-11-26T12:00:00Z');
        const { contact, widget } = await seedBasics(client);
        const plan = await client.products.createPlan(widget.id, { cycle_type: 'MONTHLY', plan_price: 19.99, frequency: 1 });
        strict_1.default.equal(plan.plan_price?.amount, 1999);
        strict_1.default.deepEqual((await (0, emulator_1.collect)(client.products.plans(widget.id))).map((p) => p.id), [plan.id]);
        await strict_1.default.rejects(client.subscriptions.create({ contact_id: contact.id, subscription_plan_id: plan.id, start_date: '2026-01-01' }), /must not be in the past/);
        const sub = await client.subscriptions.create({ contact_id: contact.id, subscription_plan_id: plan.id });
        strict_1.default.equal(sub.start_date, '2026-11-26');
        strict_1.default.equal(sub.billing_cycle, 'MONTH');
        strict_1.default.equal(sub.product_id, widget.id);
        await strict_1.default.rejects(client.subscriptions.create({ contact_id: contact.id, subscription_plan_id: plan.id }), errors_1.KeapConflictError);
        await client.subscriptions.deactivate(sub.id, 'test');
        const stopped = await client.subscriptions.get(sub.id);
        strict_1.default.equal(stopped.active, false);
        strict_1.default.equal(stopped.reason_stopped, 'test');
    });
    it('serves campaigns read-only', async () => {
        const { client, store } = account;
        store.campaigns.insert({
            id: store.campaigns.allocateId(),
            name: 'Welcome',
            locked: false,
            date_created: '2025-01-01T00:00:00.000Z',
            published_status: true,
            time_zone: 'UTC',
            active_contact_count: 3,
            completed_contact_count: 1,
        });
        const campaigns = await (0, emulator_1.collect)(client.campaigns.list());
        strict_1.default.equal(campaigns[0].name, 'Welcome');
        await strict_1.default.rejects(client.transport.request({ method: 'POST', path: '/v2/campaigns', body: { name: 'x' } }), (err) => err.status === 405);
    });
    it("answers like Keap's gateway: 401 before routing, Apigee fault bodies", async () => {
        const { emulator } = account;
        const noAuth = await axios_1.default.get(`${emulator.url}/crm/rest/v2/nowhere`, { validateStatus: () => true, proxy: false });
        strict_1.default.equal(noAuth.status, 401);
        strict_1.default.equal(noAuth.data.fault.detail.errorcode, 'oauth.v2.InvalidAccessToken');
        const bearer = await axios_1.default.get(`${emulator.apiBaseUrl}/v2/tags`, {
            headers: { Authorization: `Bearer ${emulator.token}` },
            validateStatus: () => true,
            proxy: false,
        });
        strict_1.default.equal(bearer.status, 200);
        const unknown = await axios_1.default.get(`${emulator.apiBaseUrl}/v2/nowhere`, {
            headers: { 'X-Keap-API-Key': emulator.token },
            validateStatus: () => true,
            proxy: false,
        });
        strict_1.default.equal(unknown.status, 404);
        strict_1.default.equal(unknown.data.status, 'NOT_FOUND');
    });
});
//# sourceMappingURL=keapBehaviour.test.js.map