/**
 * The order card's words (money and dates in the user's locale, Keap's codes as words, links to the
 * records it ties together), record titles, the card page's policy, and the status bar's words.
 * Plain Node: none of these modules imports VS Code.
 */
import assert from 'node:assert/strict';
import type { KeapOrder } from '../../../src/core/model';
import { orderCard, words } from '../../../src/extension/recordCard/orderCard';
import { recordCardHtml } from '../../../src/extension/recordCard/recordCardHtml';
import { asPathSegment, recordTitle } from '../../../src/extension/recordNames';
import { statusText } from '../../../src/extension/status/statusText';

const order: KeapOrder = {
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
  const card = orderCard({
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
    assert.equal(card.title, 'Order 240');
    assert.equal(card.status, 'Paid');
    assert.deepEqual(card.contact, { name: 'Megan Wilson', email: 'megan@example.com', link: { entity: 'contacts', id: '21' } });
    assert.deepEqual(card.facts.slice(0, 3), [
      { label: 'Ordered', value: '6 Dec 2023, 13:41' },
      { label: 'Order type', value: 'Online' },
      { label: 'Came from', value: 'Checkout form' },
    ]);
    assert.deepEqual(card.totals, [
      { label: 'Total', value: 'US$401.50' },
      { label: 'Paid', value: 'US$401.50' },
      { label: 'Due', value: 'US$0.00' },
    ]);
    const text = JSON.stringify(card);
    assert.ok(!/40150|2023-12-06T|PAID|CHECKOUT_FORM/.test(text), `no cents, ISO times or codes: ${text}`);
  });

  it('lists items with their products and payments, linked to their records', () => {
    assert.deepEqual(card.items, [
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
    assert.deepEqual(card.payments, [
      {
        title: 'Payment 7',
        date: '6 Dec 2023, 13:45',
        amount: 'US$401.50',
        method: 'Credit card',
        status: 'Approved',
        link: { entity: 'payments', id: '7' },
      },
    ]);
    assert.equal(card.restorable, true);
    assert.deepEqual(card.problems, ['Order 240 is a likely duplicate of order 241']);
  });

  it('reads a live order’s payment rows (payment_id, pay_time) and offers no restore', () => {
    const live = orderCard({
      order,
      items: [],
      payments: [{ id: '900', payment_id: '7', amount: 10, pay_time: '2023-12-06T13:45:00.000Z', pay_status: 'MANUAL_PAID' }],
      source: 'live',
      where: 'Live',
      locale: 'en-US',
      timeZone: 'UTC',
    });
    assert.equal(live.payments[0].title, 'Payment 7');
    assert.equal(live.payments[0].status, 'Manual paid');
    assert.equal(live.payments[0].amount, '$10.00');
    assert.equal(live.restorable, false);
    assert.equal(words('DRAFT'), 'Draft');
    assert.equal(words('API'), 'API');
  });

  it('its page allows only its own scripts and styles, and carries no record data', () => {
    const html = recordCardHtml({
      cspSource: "'self' https://example.vscode-cdn.net",
      scriptUri: 'https://example.vscode-cdn.net/dist/recordCard.js',
      styleUri: 'https://example.vscode-cdn.net/dist/recordCard.css',
      title: 'Order 240 · <b>Megan</b>',
      nonce: 'abc123',
    });
    assert.match(html.replace(/&#39;/g, "'"), /default-src 'none'; .*script-src 'nonce-abc123'/);
    assert.ok(!html.includes('unsafe-inline'));
    assert.ok(html.includes('Order 240 · &lt;b&gt;Megan&lt;/b&gt;'));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });
});

describe('VS Code: record titles', () => {
  it('name a record by its noun, id and what its label adds', () => {
    assert.equal(recordTitle('orders', '137', '#137 Megan Wilson'), 'Order 137 · Megan Wilson');
    assert.equal(recordTitle('payments', '7', 'Payment #7'), 'Payment 7');
    assert.equal(recordTitle('order_items', '3', 'Widget × 2'), 'Order item 3 · Widget × 2');
    assert.equal(recordTitle('contacts', '21'), 'Contact 21');
    assert.equal(asPathSegment('A/B\\C\u0000'), 'A-B-C');
  });
});

describe('VS Code: the status bar', () => {
  const connection = { name: 'Keap (acme)', baseUrl: 'https://api.infusionsoft.com/crm/rest' };

  it('shows the connection, or the work running against it, or what is wrong with it', () => {
    assert.equal(statusText({ connection, work: [] })?.text, '$(plug) Keap (acme)');
    assert.equal(statusText({ connection, work: ['taking a snapshot'] })?.text, '$(sync~spin) Keap (acme): taking a snapshot');
    const refused = statusText({ connection, problem: 'refused', work: ['taking a snapshot'] })!;
    assert.equal(refused.text, '$(warning) Keap (acme): credential refused');
    assert.equal(refused.click, 'set-credential');
    assert.equal(refused.warning, true);
    const paused = statusText({
      connection,
      work: [],
      applying: { paused: { until: '2026-12-04T00:00:00.000Z', stepsLeft: 3 } },
      timeZone: 'UTC',
    })!;
    assert.equal(paused.text, '$(watch) Keap (acme): restore paused until 00:00');
    // An apply's only status bar entry: how far it is.
    const restoring = statusText({ connection, work: [], applying: { done: 12, total: 40 } })!;
    assert.equal(restoring.text, '$(sync~spin) Keap (acme): restoring 12/40');
    assert.equal(restoring.spoken, 'Keap Vault: restoring into Keap (acme): 12 steps of 40 done');
    assert.equal(statusText({ connection, work: [], applying: {} })?.text, '$(sync~spin) Keap (acme): restoring');
    assert.equal(statusText({ work: [] }), undefined);
  });
});
