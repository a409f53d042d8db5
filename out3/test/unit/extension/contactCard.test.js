"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The contact card and an order's relationship graph, read from a real snapshot of a generated
 * account: what the card's SQL finds (orders, tags, company, subscriptions) is checked against the
 * same snapshot listed whole through the core's own queries. Plain Node: no VS Code.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const query_1 = require("../../../src/core/snapshot/query");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const contactCard_1 = require("../../../src/extension/recordCard/contactCard");
const orderRelations_1 = require("../../../src/extension/recordCard/orderRelations");
const snapshots_1 = require("../support/snapshots");
describe('VS Code: the contact card and the relationship graph', function () {
    this.timeout(60_000);
    let db;
    let orders;
    let subscriptions;
    before(async () => {
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 'cards', size: 80 });
        db = await (0, snapshots_1.snapshotFromStore)(store);
        orders = (0, query_1.listRecords)(db, 'orders', { limit: 100_000 }).map((r) => r.record);
        subscriptions = (0, query_1.listRecords)(db, 'subscriptions', { limit: 100_000 }).map((r) => r.record);
    });
    after(() => db?.close());
    it('lists a contact’s orders, tags, company, subscriptions and what they spent', () => {
        const contacts = (0, query_1.listRecords)(db, 'contacts', { limit: 100_000 }).map((r) => r.record);
        // The contact with the most orders that also has tags: the richest card the account has.
        const mine = (c) => orders.filter((o) => o.contact?.id === c.id);
        const contact = contacts.filter((c) => c.tag_ids?.length).sort((a, b) => mine(b).length - mine(a).length)[0];
        strict_1.default.ok(contact && mine(contact).length > 0, 'the generated account has a tagged contact with orders');
        const records = (0, contactCard_1.contactCardRecords)(db, contact.id);
        const card = (0, contactCard_1.contactCard)({ ...records, where: 'From the snapshot', locale: 'en' });
        strict_1.default.equal(card.title, [contact.given_name, contact.family_name].filter(Boolean).join(' '));
        strict_1.default.deepEqual(card.orders.map((o) => o.link.id).sort(), mine(contact)
            .map((o) => o.id)
            .sort());
        const tagNames = contact.tag_ids.map((id) => (0, query_1.getRecord)(db, 'tags', String(id))?.name ?? `Tag #${id}`);
        strict_1.default.deepEqual([...card.tags].sort(), tagNames.sort());
        strict_1.default.deepEqual(card.subscriptions.map((s) => s.link.id).sort(), subscriptions
            .filter((s) => s.contact_id === contact.id)
            .map((s) => s.id)
            .sort());
        const spent = mine(contact).reduce((sum, o) => sum + (o.total_paid?.amount ?? 0), 0);
        const expected = new Intl.NumberFormat('en', { style: 'currency', currency: mine(contact)[0].total?.currency_code ?? 'USD' }).format(spent / 100);
        strict_1.default.deepEqual(card.totals[0], { label: 'Spent', value: expected });
        if (contact.company?.id)
            strict_1.default.deepEqual(card.facts.find((f) => f.label === 'Company')?.link, { entity: 'companies', id: contact.company.id });
        strict_1.default.equal((0, contactCard_1.contactCardRecords)(db, 'no-such-contact'), undefined);
    });
    it('draws an order with its contact, each item and product, its payments and the contact’s subscriptions', () => {
        const order = orders.find((o) => {
            const d = (0, query_1.orderDetails)(db, o.id);
            return d.items.length > 1 && d.payments.length > 0 && (0, orderRelations_1.contactSubscriptions)(db, o.contact?.id).length > 0;
        });
        strict_1.default.ok(order, 'the generated account has an order with items, payments and a subscribed contact');
        const details = (0, query_1.orderDetails)(db, order.id);
        const subs = (0, orderRelations_1.contactSubscriptions)(db, order.contact?.id);
        const graph = (0, orderRelations_1.orderRelations)({
            ...details,
            payments: details.payments,
            subscriptions: subs,
            state: 'snapshot',
            locale: 'en',
        });
        const keys = (kind) => graph.nodes.filter((n) => n.kind === kind).map((n) => n.key);
        strict_1.default.deepEqual(keys('contacts'), [`contacts:${order.contact.id}`]);
        strict_1.default.deepEqual(keys('orders'), [`orders:${order.id}`]);
        strict_1.default.equal(keys('items').length, details.items.length);
        strict_1.default.deepEqual(keys('payments').sort(), details.payments.map((p) => `payments:${p.id}`).sort());
        strict_1.default.deepEqual(keys('subscriptions').sort(), subs.map((s) => `subscriptions:${s.id}`).sort());
        const products = new Set(details.items.flatMap((i) => (i.item.product?.id ? [`products:${i.item.product.id}`] : [])));
        strict_1.default.deepEqual(keys('products').sort(), [...products].sort());
        // Every edge joins two drawn nodes, and every node but the contact has one coming in.
        const drawn = new Set(graph.nodes.map((n) => n.key));
        strict_1.default.ok(graph.edges.every((e) => drawn.has(e.from) && drawn.has(e.to)));
        for (const node of graph.nodes.filter((n) => n.kind !== 'contacts'))
            strict_1.default.ok(graph.edges.some((e) => e.to === node.key), `${node.key} is tied to the order`);
        strict_1.default.ok(graph.nodes.every((n) => n.state === 'snapshot'));
    });
});
//# sourceMappingURL=contactCard.test.js.map