/**
 * The contact card and an order's relationship graph, read from a real snapshot of a generated
 * account: what the card's SQL finds (orders, tags, company, subscriptions) is checked against the
 * same snapshot listed whole through the core's own queries. Plain Node: no VS Code.
 */
import assert from 'node:assert/strict';
import type { KeapContact, KeapOrder, KeapSubscription, KeapTag } from '../../../src/core/model';
import { getRecord, listRecords, orderDetails } from '../../../src/core/snapshot/query';
import type { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';
import type { Json } from '../../../src/core/entities/define';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { contactCard, contactCardRecords } from '../../../src/extension/recordCard/contactCard';
import { contactSubscriptions, orderRelations } from '../../../src/extension/recordCard/orderRelations';
import { snapshotFromStore } from '../support/snapshots';

describe('VS Code: the contact card and the relationship graph', function () {
  this.timeout(60_000);
  let db: SnapshotDb;
  let orders: KeapOrder[];
  let subscriptions: KeapSubscription[];

  before(async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'cards', size: 80 });
    db = await snapshotFromStore(store);
    orders = listRecords<KeapOrder>(db, 'orders', { limit: 100_000 }).map((r) => r.record);
    subscriptions = listRecords<KeapSubscription>(db, 'subscriptions', { limit: 100_000 }).map((r) => r.record);
  });
  after(() => db?.close());

  it('lists a contact’s orders, tags, company, subscriptions and what they spent', () => {
    const contacts = listRecords<KeapContact>(db, 'contacts', { limit: 100_000 }).map((r) => r.record);
    // The contact with the most orders that also has tags: the richest card the account has.
    const mine = (c: KeapContact) => orders.filter((o) => o.contact?.id === c.id);
    const contact = contacts.filter((c) => c.tag_ids?.length).sort((a, b) => mine(b).length - mine(a).length)[0];
    assert.ok(contact && mine(contact).length > 0, 'the generated account has a tagged contact with orders');
    const records = contactCardRecords(db, contact.id)!;
    const card = contactCard({ ...records, where: 'From the snapshot', locale: 'en' });

    assert.equal(card.title, [contact.given_name, contact.family_name].filter(Boolean).join(' '));
    assert.deepEqual(
      card.orders.map((o) => o.link.id).sort(),
      mine(contact)
        .map((o) => o.id)
        .sort(),
    );
    const tagNames = contact.tag_ids!.map((id) => getRecord<KeapTag>(db, 'tags', String(id))?.name ?? `Tag #${id}`);
    assert.deepEqual([...card.tags].sort(), tagNames.sort());
    assert.deepEqual(
      card.subscriptions.map((s) => s.link.id).sort(),
      subscriptions
        .filter((s) => s.contact_id === contact.id)
        .map((s) => s.id)
        .sort(),
    );
    const spent = mine(contact).reduce((sum, o) => sum + (o.total_paid?.amount ?? 0), 0);
    const expected = new Intl.NumberFormat('en', { style: 'currency', currency: mine(contact)[0].total?.currency_code ?? 'USD' }).format(
      spent / 100,
    );
    assert.deepEqual(card.totals[0], { label: 'Spent', value: expected });
    if (contact.company?.id)
      assert.deepEqual(card.facts.find((f) => f.label === 'Company')?.link, { entity: 'companies', id: contact.company.id });
    assert.equal(contactCardRecords(db, 'no-such-contact'), undefined);
  });

  it('draws an order with its contact, each item and product, its payments and the contact’s subscriptions', () => {
    const order = orders.find((o) => {
      const d = orderDetails(db, o.id)!;
      return d.items.length > 1 && d.payments.length > 0 && contactSubscriptions(db, o.contact?.id).length > 0;
    });
    assert.ok(order, 'the generated account has an order with items, payments and a subscribed contact');
    const details = orderDetails(db, order.id)!;
    const subs = contactSubscriptions(db, order.contact?.id);
    const graph = orderRelations({
      ...details,
      payments: details.payments as unknown as Json[],
      subscriptions: subs,
      state: 'snapshot',
      locale: 'en',
    });
    const keys = (kind: string) => graph.nodes.filter((n) => n.kind === kind).map((n) => n.key);
    assert.deepEqual(keys('contacts'), [`contacts:${order.contact!.id}`]);
    assert.deepEqual(keys('orders'), [`orders:${order.id}`]);
    assert.equal(keys('items').length, details.items.length);
    assert.deepEqual(keys('payments').sort(), details.payments.map((p) => `payments:${p.id}`).sort());
    assert.deepEqual(keys('subscriptions').sort(), subs.map((s) => `subscriptions:${s.id}`).sort());
    const products = new Set(details.items.flatMap((i) => (i.item.product?.id ? [`products:${i.item.product.id}`] : [])));
    assert.deepEqual(keys('products').sort(), [...products].sort());
    // Every edge joins two drawn nodes, and every node but the contact has one coming in.
    const drawn = new Set(graph.nodes.map((n) => n.key));
    assert.ok(graph.edges.every((e) => drawn.has(e.from) && drawn.has(e.to)));
    for (const node of graph.nodes.filter((n) => n.kind !== 'contacts'))
      assert.ok(
        graph.edges.some((e) => e.to === node.key),
        `${node.key} is tied to the order`,
      );
    assert.ok(graph.nodes.every((n) => n.state === 'snapshot'));
  });
});
