"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const filter_1 = require("../../../src/core/keap/filter");
const routes_1 = require("../../../src/emulator/routes");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const emulator_1 = require("../support/emulator");
const openapiContract_1 = require("../support/openapiContract");
/**
 * Drives every endpoint the emulator serves through the Keap client, then checks each exchange
 * against Keap's own OpenAPI description of REST v2: the client's request bodies and query
 * parameters, and the emulator's answers (success and error bodies alike).
 */
describe("Conformance with Keap's REST v2 OpenAPI description", function () {
    this.timeout(60_000);
    const exchanges = [];
    before(async function () {
        if (!(0, openapiContract_1.loadKeapV2Contract)())
            this.skip();
        const store = new store_1.EmulatorStore();
        store.clock = () => new Date('2026-11-26T12:00:00Z');
        (0, generator_1.generateAccount)(store, { seed: 11, size: 40 });
        const { client } = await (0, emulator_1.startTestAccount)({ store, onExchange: (e) => exchanges.push(e) });
        // Reads of every list and record.
        const contacts = await (0, emulator_1.collect)(client.contacts.list({ query: { fields: 'given_name,email_addresses,tag_ids,custom_fields,company' } }));
        await (0, emulator_1.collect)(client.contacts.list({ filter: (0, filter_1.filter)('start_update_time', '==', '2020-01-01T00:00:00Z'), orderBy: 'update_time asc' }));
        await client.contacts.get(contacts[0].id);
        await (0, emulator_1.collect)(client.contacts.tags(contacts[0].id));
        const companies = await (0, emulator_1.collect)(client.companies.list({ query: { fields: 'company_name,address,custom_fields,create_time,update_time' } }));
        await client.companies.get(companies[0].id);
        const products = await (0, emulator_1.collect)(client.products.list());
        await client.products.get(products[0].id);
        const orders = await (0, emulator_1.collect)(client.orders.list({ orderBy: 'order_time desc' }));
        await client.orders.get(orders[0].id);
        await (0, emulator_1.collect)(client.orders.payments(orders[0].id));
        await (0, emulator_1.collect)(client.payments.list());
        await (0, emulator_1.collect)(client.transactions.list());
        const subs = await (0, emulator_1.collect)(client.subscriptions.list());
        await client.subscriptions.get(subs[0].id);
        const tags = await (0, emulator_1.collect)(client.tags.list());
        await client.tags.get(tags[0].id);
        await (0, emulator_1.collect)(client.tags.contacts(tags[0].id));
        const campaigns = await (0, emulator_1.collect)(client.campaigns.list());
        await client.campaigns.get(campaigns[0].id);
        for (const type of ['CONTACT', 'COMPANY', 'ORDER', 'SUBSCRIPTION'])
            await client.customFields.model(type);
        // Notes are read-only and the client has no notes resource yet: straight through the transport.
        const notes = await client.transport.request({
            method: 'GET',
            path: '/v2/notes',
            query: { page_size: 5, order_by: 'update_time desc', fields: 'custom_fields', filter: 'since_time==2020-01-01T00:00:00Z' },
        });
        const note = notes.data.notes[0];
        await client.transport.request({ method: 'GET', path: `/v2/contacts/${note.contact_id}/notes/${note.id}` });
        // Writes of every kind.
        const orderField = await client.customFields.create('ORDER', { label: 'Keap Vault Ref', field_type: 'TEXT' });
        await client.customFields.create('CONTACT', { label: 'Keap Vault Ref', field_type: 'TEXT' });
        await client.customFields.create('COMPANY', { label: 'Keap Vault Ref', field_type: 'TEXT' });
        await client.customFields.create('SUBSCRIPTION', { label: 'Keap Vault Ref', field_type: 'TEXT' });
        const company = await client.companies.create({
            company_name: 'Acme <b>& Co',
            email_address: { email: 'acme@example.test', field: 'EMAIL1' },
        });
        await client.companies.update(company.id, { website: 'https://acme.example' });
        const contact = await client.contacts.create({
            given_name: 'Zoë',
            family_name: 'Åström',
            email_addresses: [{ email: 'zoe@example.test', field: 'EMAIL1' }],
            company: { id: company.id },
        });
        await client.contacts.upsert({ given_name: 'Zoë', email_addresses: [{ email: 'zoe@example.test', field: 'EMAIL1' }] }, 'Email');
        await client.contacts.update(contact.id, { job_title: 'CFO' });
        const product = await client.products.create({
            name: 'Contract product',
            price: 4200,
            short_description: 'checked',
            sku: 'CONTRACT-1',
        });
        await client.products.update(product.id, { description: 'updated' });
        const plan = await client.products.createPlan(product.id, { cycle_type: 'YEARLY', plan_price: 420, frequency: 1 });
        await (0, emulator_1.collect)(client.products.plans(product.id));
        await client.transport.request({ method: 'GET', path: `/v2/products/${product.id}/subscriptions/${plan.id}` });
        await client.transport.request({
            method: 'PATCH',
            path: `/v2/products/${product.id}/subscriptions/${plan.id}`,
            body: { active: false, cycle_type: 'YEARLY', plan_price: 420 },
            query: { update_mask: ['active'] },
        });
        const order = await client.orders.create({
            contact_id: contact.id,
            order_title: 'Contract order',
            order_time: '2026-11-01T10:00:00Z',
            order_type: 'ONLINE',
            order_items: [{ product_id: product.id, quantity: 2, price_per_unit: 42 }],
            custom_fields: [{ id: orderField.id, content: 'snap:1' }],
        });
        await client.orders.update(order.id, { notes: 'checked' });
        const item = await client.orders.addItem(order.id, { product_id: product.id, quantity: 1 });
        await client.transport.request({ method: 'GET', path: `/v2/orders/${order.id}/items/${item.id}` });
        await client.transport.request({
            method: 'PATCH',
            path: `/v2/orders/${order.id}/items/${item.id}`,
            body: { quantity: 2 },
            query: { update_mask: ['quantity'] },
        });
        await client.orders.deleteItem(order.id, item.id);
        await client.orders.recordPayment(order.id, {
            payment_amount: 10,
            apply_to_commissions: false,
            payment_method_type: 'Cash',
            payment_time: '2026-11-02T10:00:00Z',
            notes: 'part',
        });
        const sub = await client.subscriptions.create({
            contact_id: contact.id,
            subscription_plan_id: products.find((p) => p.subscription_plans?.length)?.subscription_plans?.[0].id ?? plan.id,
            allow_duplicate: true,
        });
        await client.subscriptions.update(sub.id, { quantity: 2 });
        await client.subscriptions.deactivate(sub.id, 'contract test');
        const tag = await client.tags.create({ name: 'Contract <tag>', description: 'checked' });
        await client.tags.update(tag.id, { description: 'updated' });
        await client.tags.apply(tag.id, [contact.id]);
        await client.tags.remove(tag.id, [contact.id]);
        await client.tags.delete(tag.id);
        const spare = await client.orders.create({
            contact_id: contact.id,
            order_title: 'Spare',
            order_time: '2026-11-01T10:00:00Z',
            order_type: 'OFFLINE',
        });
        await client.orders.delete(spare.id);
        await client.products.delete(product.id);
        await client.transport
            .request({ method: 'DELETE', path: `/v2/products/${products[1].id}/subscriptions/${products[1].subscription_plans?.[0]?.id ?? '0'}` })
            .catch(() => undefined);
        await client.companies.delete(company.id);
        await client.contacts.delete(contact.id);
        // Error answers are part of the contract too.
        await client.orders.get('999999').catch(() => undefined);
        await client.orders
            .recordPayment(orders[0].id, { payment_amount: 1_000_000, apply_to_commissions: false, payment_method_type: 'Cash' })
            .catch(() => undefined);
        await (0, emulator_1.collect)(client.orders.list({ filter: 'nonsense==1' })).catch(() => undefined);
    });
    after(emulator_1.closeTestAccounts);
    it('exercises every route the emulator serves', () => {
        const served = new Set(exchanges.map((e) => (e.status < 500 ? routeOf(e) : undefined)));
        const missing = (0, routes_1.keapRoutes)().templates.filter((t) => !served.has(t));
        strict_1.default.deepEqual(missing, []);
    });
    it("every route exists in Keap's description", () => {
        const contract = (0, openapiContract_1.loadKeapV2Contract)();
        const unknown = (0, routes_1.keapRoutes)().templates.filter((t) => {
            const [method, template] = t.split(' ');
            return !contract.findOperation(method, `/crm/rest${template.replace(/\{[a-z_]+\}/g, '1')}`);
        });
        strict_1.default.deepEqual(unknown, []);
    });
    it('client requests (bodies and query parameters) match the description', () => {
        const contract = (0, openapiContract_1.loadKeapV2Contract)();
        const problems = exchanges.flatMap((e) => [
            ...(e.requestBody !== undefined ? contract.validateRequest(e.method, e.path, e.requestBody) : []),
            ...contract.validateQuery(e.method, e.path, e.query),
        ]);
        strict_1.default.deepEqual(problems, []);
    });
    it('emulator answers (success and error) match the description', () => {
        const contract = (0, openapiContract_1.loadKeapV2Contract)();
        const problems = exchanges.flatMap((e) => contract.validateResponse(e.method, e.path, e.status, e.responseBody));
        strict_1.default.deepEqual(problems, []);
        strict_1.default.ok(exchanges.some((e) => e.status === 404) && exchanges.some((e) => e.status === 400), 'error answers were checked');
    });
    function routeOf(e) {
        const router = (0, routes_1.keapRoutes)();
        const match = router.match(e.method, e.path.replace(/^\/crm\/rest/, ''));
        return match && 'route' in match ? `${e.method} ${match.route.template}` : undefined;
    }
});
//# sourceMappingURL=contract.test.js.map