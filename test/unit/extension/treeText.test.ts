/**
 * What the explorer and the Restores view say, to the eye and to a screen reader: an order by its
 * number, contact, amount and status; each Live row its own sentence; a restore by its status, date
 * and counts, never a UUID or a path. Plain Node: the words are built without VS Code.
 */
import assert from 'node:assert/strict';
import type { KeapOrder } from '../../../src/core/model';
import { connectionText, entityText, orderItemText, recordText, snapshotText } from '../../../src/extension/explorer/treeText';
import type { PlanEntry } from '../../../src/extension/restore/planIndex';
import { restoreText } from '../../../src/extension/restore/restoreText';

const order: KeapOrder = {
  id: '240',
  status: 'PAID',
  total: { amount: 40150, currency_code: 'USD', formatted_amount: '$401.50' },
  contact: { id: '21', given_name: 'Megan', family_name: 'Wilson' },
};

describe('VS Code: tree rows in words', () => {
  it('an order reads its number, contact, amount and status; its description stays short', () => {
    const text = recordText('orders', order);
    assert.equal(text.spoken, 'Order 240, Megan Wilson, $401.50, paid');
    assert.equal(text.label, '#240 Megan Wilson');
    assert.equal(text.description, '$401.50', 'paid, the usual status, goes unsaid in the sidebar');
    assert.equal(recordText('orders', { ...order, status: 'DRAFT' }).description, '$401.50 draft');
    assert.equal(text.tooltip, text.spoken);
  });

  it('records without a sentence of their own are read as noun, name and description, without symbols', () => {
    assert.equal(recordText('companies', { id: '5', company_name: 'Acme' }).spoken, 'Company Acme, id 5');
    assert.equal(
      recordText('contacts', { id: '21', given_name: 'Megan', email_addresses: [{ email: 'm@example.com' }] }).spoken,
      'Contact Megan, m@example.com',
    );
    assert.equal(
      recordText('payments', { id: '7', amount: 12.5, payment_time: '2026-11-02T10:00:00Z' }).spoken,
      'Payment 7, $12.50, on 2026-11-02',
    );
    const item = orderItemText({
      id: '1',
      name: 'Widget',
      quantity: 2,
      price_per_unit: { amount: 2000, currency_code: 'USD' },
      product: { id: '6' },
    } as never);
    assert.equal(item.spoken, 'Item Widget, quantity 2, $20.00 each, product 6');
  });

  it('each Live row has its own sentence, and says where its count comes from', () => {
    const rows = (['orders', 'contacts', 'payments'] as const).map((e) => entityText(e, 'live', 12, '2026-11-27T10:00:00Z', 'en-GB'));
    assert.equal(new Set(rows.map((r) => r.spoken)).size, 3);
    assert.equal(new Set(rows.map((r) => r.tooltip)).size, 3);
    assert.equal(rows[0].spoken, 'Orders, live from Keap, 12 at the last snapshot');
    assert.match(rows[0].tooltip!, /the snapshot of 27 Nov 2026 held/);
    assert.equal(entityText('order_items', 'snapshot', 1200).spoken, 'Order items, 1,200 in this snapshot');
  });

  it('a connection Keap refused says so in words, with the fix', () => {
    const refused = connectionText({ name: 'Keap (acme)', baseUrl: 'https://api.infusionsoft.com/crm/rest' }, 'refused');
    assert.equal(refused.description, 'credential refused');
    assert.match(refused.spoken, /^Connection Keap \(acme\): Keap refused the credential .* Set Credential…\.$/);
    assert.ok(!/keymanagement|⚠/.test(refused.spoken + refused.tooltip));
    assert.equal(
      connectionText({ name: 'Keap (acme)', baseUrl: 'https://api.infusionsoft.com/crm/rest' }).spoken,
      'Connection Keap (acme), api.infusionsoft.com',
    );
  });

  it('a snapshot reads its local date and counts; the file path stays in the tooltip', () => {
    const text = snapshotText(
      {
        file: '/data/snapshots/keap-acme-2026.kvsnap',
        bytes: 3 * 1024 * 1024,
        encrypted: true,
        meta: { finishedAt: '2026-11-27T10:05:00Z', account: 'acme', counts: { orders: 1240, contacts: 200 } } as never,
      },
      'en-GB',
    );
    assert.equal(text.description, '1,240 orders');
    assert.match(text.spoken, /^Snapshot taken 27 November 2026 at \d\d:05, 1,240 orders, 200 contacts, 3\.0 MiB, encrypted$/);
    assert.ok(!text.spoken.includes('/data/'));
    assert.match(text.tooltip!, /keap-acme-2026\.kvsnap/);
  });
});

describe('VS Code: Restores view entries in words', () => {
  const entry: PlanEntry = {
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
    const text = restoreText(entry, 'Keap emulator (demo)', 'en-GB', 'UTC');
    assert.equal(text.label, 'Applied');
    assert.equal(text.description, '3 Dec 2026, 14:07 · 7 created');
    assert.equal(text.spoken, 'Restore applied, 3 December 2026 at 14:07, 7 created, into Keap emulator (demo)');
    assert.ok(!text.spoken.includes(entry.planId) && !text.spoken.includes('/data/'));
    assert.match(text.tooltip, /Plan file: \/data\/plans\/restore-plan-3f0c2c1e\.json/);
  });

  it('says what a plan would do before it is applied, and when an apply waits for the quota', () => {
    const planned = restoreText({ ...entry, status: 'planned', result: undefined, updates: 2 }, undefined, 'en-GB', 'UTC');
    assert.equal(planned.label, 'Planned');
    assert.equal(planned.description, '3 Dec 2026, 14:05 · 7 to create, 2 to update');
    assert.match(planned.spoken, /into emulator\.keap-vault\.local$/);
    const paused = restoreText(
      { ...entry, status: 'applying', result: undefined, paused: { until: '2026-12-04T00:00:00.000Z', stepsLeft: 5 } },
      'Demo',
      'en-GB',
      'UTC',
    );
    assert.equal(paused.label, 'Paused until 00:00');
    assert.equal(restoreText({ ...entry, status: 'stale', result: undefined }, 'Demo', 'en-GB').label, 'Out of date');
  });
});
