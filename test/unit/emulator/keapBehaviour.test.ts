import assert from 'node:assert/strict';
import axios from 'axios';
import { KeapConflictError, KeapNotFoundError, KeapValidationError } from '../../../src/core/keap/errors';
import { filter } from '../../../src/core/keap/filter';
import type { KeapClient } from '../../../src/core/keap/client';
import { closeTestAccounts, collect, startTestAccount, type TestAccount } from '../support/emulator';

async function seedBasics(client: KeapClient) {
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
  let account: TestAccount;
  beforeEach(async () => {
    account = await startTestAccount();
  });
  after(closeTestAccounts);

  it('assigns new string ids on create, and a re-created record never gets its old id', async () => {
    const { client } = account;
    const first = await client.contacts.create({ given_name: 'Bea', email_addresses: [{ email: 'bea@example.test' }] });
    assert.match(first.id, /^\d+$/);
    await client.contacts.delete(first.id);
    const again = await client.contacts.create({ given_name: 'Bea', email_addresses: [{ email: 'bea@example.test' }] });
    assert.notEqual(again.id, first.id);
    await assert.rejects(client.contacts.get(first.id), KeapNotFoundError);
  });

  it('rejects server-assigned fields in a create', async () => {
    await assert.rejects(
      account.client.transport.request({
        method: 'POST',
        path: '/v2/contacts',
        body: { id: '5', given_name: 'X', email_addresses: [{ email: 'x@example.test' }] },
      }),
      (err: Error) => err instanceof KeapValidationError && /Unrecognized property: id/.test(err.message),
    );
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
    assert.equal(order.total?.amount, 2 * 1250 + 550);
    assert.equal(order.total?.formatted_amount, '$30.50');
    assert.equal(order.status, 'DRAFT');
    assert.notEqual(order.invoice_id, order.id);
    assert.equal(order.order_items?.[0].product?.id, widget.id);
    assert.equal(order.order_items?.[0].price_per_unit?.amount, 1250);

    const payment = await client.orders.recordPayment(order.id, {
      payment_amount: 10,
      apply_to_commissions: false,
      payment_method_type: 'Cash',
      payment_time: '2026-03-02T00:00:00Z',
    });
    assert.equal(payment.invoice_id, order.invoice_id);
    const partly = await client.orders.get(order.id);
    assert.equal(partly.total_paid?.amount, 1000);
    assert.equal(partly.total_due?.amount, 2050);

    await assert.rejects(
      client.orders.recordPayment(order.id, { payment_amount: 20.51, apply_to_commissions: false, payment_method_type: 'Cash' }),
      (err: Error) => err instanceof KeapValidationError && /exceeds the order balance 20.50/.test(err.message),
    );
    await client.orders.recordPayment(order.id, { payment_amount: 20.5, apply_to_commissions: true, payment_method_type: 'Check' });
    const paid = await client.orders.get(order.id);
    assert.equal(paid.status, 'PAID');
    assert.equal(paid.total_due?.amount, 0);

    const payments = await collect(client.orders.payments(order.id));
    assert.deepEqual(
      payments.map((p) => p.amount),
      [10, 20.5],
    );
    assert.ok(payments.every((p) => p.invoice_id === order.invoice_id && p.payment_id !== p.id));
    const sales = await collect(client.payments.list({ filter: filter('order_id', '==', order.id) }));
    assert.deepEqual(
      sales.map((p) => p.order_ids),
      [[order.id], [order.id]],
    );
    const transactions = await collect(client.transactions.list({ filter: filter('order_id', '==', order.id) }));
    assert.equal(transactions.length, 2);

    // Payments are forever: the order cannot be deleted, and there is no way to delete a payment.
    await assert.rejects(
      client.orders.delete(order.id),
      (err: Error) => err instanceof KeapValidationError && /payments recorded/.test(err.message),
    );
    await assert.rejects(
      client.transport.request({ method: 'DELETE', path: `/v2/orders/${order.id}/payments` }),
      (err: Error) => err instanceof KeapValidationError && err.status === 405,
    );
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
    assert.equal((await client.orders.get(order.id)).total?.amount, 1250 + 3 * 999);
    await client.orders.recordPayment(order.id, { payment_amount: 40, apply_to_commissions: false, payment_method_type: 'Cash' });
    await assert.rejects(client.orders.deleteItem(order.id, item.id), /would total less than/);
    await assert.rejects(
      client.orders.create({
        contact_id: contact.id,
        order_title: 'Bad',
        order_time: '2026-03-01T10:00:00Z',
        order_type: 'ONLINE',
        order_items: [{ product_id: '99999', quantity: 1 }],
      }),
      /Product 99999 does not exist/,
    );
    await assert.rejects(
      client.orders.create({ contact_id: '424242', order_title: 'Bad', order_time: '2026-03-01T10:00:00Z', order_type: 'ONLINE' }),
      /Contact 424242 does not exist/,
    );
  });

  it('upserts contacts with duplicate_option: 200 for a match, 201 for a new contact', async () => {
    const { client } = account;
    const { contact } = await seedBasics(client);
    const matched = await client.contacts.upsert(
      { given_name: 'Ada', email_addresses: [{ email: 'ADA@example.test' }], job_title: 'Engineer' },
      'Email',
    );
    assert.equal(matched.created, false);
    assert.equal(matched.contact.id, contact.id);
    assert.equal(matched.contact.job_title, 'Engineer');
    const fresh = await client.contacts.upsert({ given_name: 'Cy', email_addresses: [{ email: 'cy@example.test' }] }, 'Email');
    assert.equal(fresh.created, true);
  });

  it('PATCH changes only the fields in update_mask', async () => {
    const { client } = account;
    const { contact } = await seedBasics(client);
    const updated = await client.contacts.update(contact.id, { job_title: 'CTO' });
    assert.equal(updated.job_title, 'CTO');
    assert.equal(updated.family_name, "O'Brien & Sons");
    assert.equal(updated.email_addresses?.[0].email, 'ada@example.test');
    const masked = await client.transport.request<{ given_name: string; family_name: string }>({
      method: 'PATCH',
      path: `/v2/contacts/${contact.id}`,
      query: { update_mask: ['given_name'] },
      body: { given_name: 'Adele', family_name: 'Ignored' },
    });
    assert.equal(masked.data.given_name, 'Adele');
    assert.equal(masked.data.family_name, "O'Brien & Sons");
  });

  it('filters lists by custom field, time windows, wildcards and id ranges', async () => {
    const { client, store } = account;
    const { contact, widget } = await seedBasics(client);
    const { field, created } = await client.customFields.ensure('ORDER', { label: 'Keap Vault Ref', field_type: 'TEXT' });
    assert.equal(created, true);
    assert.equal((await client.customFields.ensure('ORDER', { label: 'Keap Vault Ref', field_type: 'TEXT' })).created, false);
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

    const byMarker = await collect(client.orders.list({ filter: filter(field.field_name!, '==', 'snap1:18') }));
    assert.deepEqual(
      byMarker.map((o) => o.id),
      [late.id],
    );
    const byPrefix = await collect(client.orders.list({ filter: filter(field.field_name!, '==', 'snap1:*') }));
    assert.equal(byPrefix.length, 2);
    const modifiedSince = await collect(client.orders.list({ filter: filter('modified_since_time', '==', '2026-03-01T00:00:00Z') }));
    assert.deepEqual(
      modifiedSince.map((o) => o.id),
      [late.id],
    );
    const idAbove = await collect(client.orders.list({ filter: filter('id', '>', early.id) }));
    assert.deepEqual(
      idAbove.map((o) => o.id),
      [late.id],
    );
    const byTitle = await collect(client.orders.list({ filter: filter('title', '==', 'ear*') }));
    assert.deepEqual(
      byTitle.map((o) => o.id),
      [early.id],
    );
    const newestFirst = await collect(client.orders.list({ orderBy: 'order_time desc' }));
    assert.deepEqual(
      newestFirst.map((o) => o.id),
      [late.id, early.id],
    );
    await assert.rejects(collect(client.orders.list({ filter: 'colour==red' })), /Invalid filter field 'colour'/);
    await assert.rejects(collect(client.orders.list({ orderBy: 'total asc' })), /order_by field 'total' is not supported/);
  });

  it('applies and removes tags in batches and reports unknown contacts inside a 200', async () => {
    const { client } = account;
    const { contact } = await seedBasics(client);
    const tag = await client.tags.create({ name: 'VIP <script>' });
    await assert.rejects(client.tags.create({ name: 'vip <SCRIPT>' }), KeapConflictError);
    const results = await client.tags.apply(tag.id, [contact.id, '777777']);
    assert.deepEqual(results, { [contact.id]: 'SUCCESS', '777777': 'CONTACT_NOT_FOUND' });
    const withTags = await collect(client.contacts.list({ query: { fields: 'tag_ids' } }));
    assert.deepEqual(withTags[0].tag_ids, [tag.id]);
    assert.deepEqual(
      (await collect(client.tags.contacts(tag.id))).map((c) => c.id),
      [contact.id],
    );
    assert.deepEqual(
      (await collect(client.contacts.tags(contact.id))).map((t) => t.tag.name),
      ['VIP <script>'],
    );
    await client.tags.remove(tag.id, [contact.id]);
    assert.deepEqual(await collect(client.tags.contacts(tag.id)), []);
  });

  it('creates subscriptions only from today on, refuses duplicates, and reads plans', async () => {
    const { client, store } = account;
    store.clock = () => new Date('2026-11-26T12:00:00Z');
    const { contact, widget } = await seedBasics(client);
    const plan = await client.products.createPlan(widget.id, { cycle_type: 'MONTHLY', plan_price: 19.99, frequency: 1 });
    assert.equal(plan.plan_price?.amount, 1999);
    assert.deepEqual(
      (await collect(client.products.plans(widget.id))).map((p) => p.id),
      [plan.id],
    );
    await assert.rejects(
      client.subscriptions.create({ contact_id: contact.id, subscription_plan_id: plan.id, start_date: '2026-01-01' }),
      /must not be in the past/,
    );
    const sub = await client.subscriptions.create({ contact_id: contact.id, subscription_plan_id: plan.id });
    assert.equal(sub.start_date, '2026-11-26');
    assert.equal(sub.billing_cycle, 'MONTH');
    assert.equal(sub.product_id, widget.id);
    await assert.rejects(client.subscriptions.create({ contact_id: contact.id, subscription_plan_id: plan.id }), KeapConflictError);
    await client.subscriptions.deactivate(sub.id, 'test');
    const stopped = await client.subscriptions.get(sub.id);
    assert.equal(stopped.active, false);
    assert.equal(stopped.reason_stopped, 'test');
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
    const campaigns = await collect(client.campaigns.list());
    assert.equal(campaigns[0].name, 'Welcome');
    await assert.rejects(
      client.transport.request({ method: 'POST', path: '/v2/campaigns', body: { name: 'x' } }),
      (err: Error) => (err as KeapValidationError).status === 405,
    );
  });

  it("answers like Keap's gateway: 401 before routing, Apigee fault bodies", async () => {
    const { emulator } = account;
    const noAuth = await axios.get(`${emulator.url}/crm/rest/v2/nowhere`, { validateStatus: () => true, proxy: false });
    assert.equal(noAuth.status, 401);
    assert.equal(noAuth.data.fault.detail.errorcode, 'oauth.v2.InvalidAccessToken');
    const bearer = await axios.get(`${emulator.apiBaseUrl}/v2/tags`, {
      headers: { Authorization: `Bearer ${emulator.token}` },
      validateStatus: () => true,
      proxy: false,
    });
    assert.equal(bearer.status, 200);
    const unknown = await axios.get(`${emulator.apiBaseUrl}/v2/nowhere`, {
      headers: { 'X-Keap-API-Key': emulator.token },
      validateStatus: () => true,
      proxy: false,
    });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.data.status, 'NOT_FOUND');
  });
});
