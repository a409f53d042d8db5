/**
 * The relationship view of an order in headless Chromium, under the pages' real CSPs and bundles:
 * in the record card (the graph orderRelations builds from an order's records) and in the restore
 * preview (the same graph with each record's state under the plan, before and after apply). Checks
 * the nodes and edges dagre laid out, what each node says and opens, that hostile CRM text stays
 * text, and axe-core in Light+ and Dark+.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { KeapContact, KeapOrder, KeapSubscription } from '../../src/core/model';
import { headlineOf } from '../../src/core/restore/plan';
import { orderCard } from '../../src/extension/recordCard/orderCard';
import { orderRelations, type OrderRelationsInput } from '../../src/extension/recordCard/orderRelations';
import type { RelationGraph } from '../../src/webview/graph/graphProtocol';
import type { CardToHost, OrderCard } from '../../src/webview/recordCard/cardProtocol';
import type { HostToWebview, PlanView, WebviewToHost } from '../../src/webview/protocol';
import { findChromium, launchChromium } from './support/browser';
import { serveCardPage, type CardPage } from './support/cardPage';
import { CONTEXT, HOSTILE_IMG, planStep, syntheticPlan } from './support/planFixture';
import { servePlanPage, type PlanPage } from './support/planPage';
import { THEMES } from './support/themes';
import { seriousViolations } from './support/axe';

// The browser side (this file compiles without the DOM lib).
declare const window: {
  __posted: Array<CardToHost | WebviewToHost>;
  __pwned?: number;
  postMessage(message: unknown, origin: string): void;
};
declare const document: { documentElement: { style: { setProperty(name: string, value: string): void } } };

const contact: KeapContact = {
  id: '21',
  given_name: 'Megan',
  family_name: HOSTILE_IMG,
  email_addresses: [{ email: 'megan@example.com', field: 'EMAIL1' }],
};
const order: KeapOrder = {
  id: '240',
  title: 'Spring order',
  status: 'PAID',
  contact: { id: '21', given_name: 'Megan' },
  order_time: '2023-12-06T13:41:06.000Z',
  total: { amount: 40150, currency_code: 'USD', formatted_amount: '$401.50' },
};
const input: OrderRelationsInput = {
  order,
  contact,
  items: [
    {
      item: {
        id: '1',
        name: 'Yoga Mat',
        quantity: 2,
        product: { id: '6' },
        price_per_unit: { amount: 2000, currency_code: 'USD', formatted_amount: '' },
      },
      product: { id: '6', name: 'Yoga Mat' },
    },
    {
      item: {
        id: '2',
        name: 'Coaching',
        quantity: 1,
        product: { id: '8' },
        price_per_unit: { amount: 36150, currency_code: 'USD', formatted_amount: '' },
      },
      product: { id: '8', name: `Coaching ${HOSTILE_IMG}` },
    },
  ],
  payments: [
    { id: '7', amount: 200, payment_time: '2023-12-06T13:45:00.000Z' },
    { id: '9', amount: 201.5, payment_time: '2024-01-06T13:45:00.000Z' },
  ],
  subscriptions: [
    { id: '3', contact_id: '21', product_id: '8', billing_amount: 49, billing_cycle: 'MONTH', active: true } as KeapSubscription,
  ],
  state: 'snapshot',
  locale: 'en',
};
const graph: RelationGraph = orderRelations(input);
const card: OrderCard = {
  ...orderCard({ ...input, source: 'snapshot', where: 'From the snapshot of 27 Nov 2026, 10:05', locale: 'en' }),
  relations: graph,
};

/** The plan the preview shows: the contact live (listed) and one product live (counted as identical), the order, the other product and one payment to create, the subscription blocked. */
function plan(): PlanView {
  const base = syntheticPlan(0);
  const steps = [
    planStep('contacts', '21', { action: 'skip', reason: 'identical', liveId: '77', label: 'Megan' }),
    planStep('products', '8', { label: 'Coaching' }),
    planStep('orders', '240', { label: 'Order 240', dependsOn: ['products:8'] }),
    planStep('payments', '7', { label: 'Payment 7', dependsOn: ['orders:240'] }),
    planStep('subscriptions', '3', { action: 'blocked', reason: 'past-start-date', label: 'Subscription 3' }),
  ];
  // Products covered whole: product 6, identical in the account, is counted, not listed; payments are not covered.
  const identical = { products: 1 };
  return { ...base, planId: 'relations', headline: headlineOf(steps, identical), identical, steps };
}

describe('Relationship view of an order (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let cards: CardPage | undefined;
  let previews: PlanPage | undefined;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  before(async function () {
    const chromium = findChromium();
    if (!chromium) return this.skip();
    cards = await serveCardPage();
    previews = await servePlanPage();
    browser = await launchChromium(chromium);
  });

  after(async () => {
    await browser?.close();
    cards?.close();
    await previews?.close();
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    assert.deepEqual(errors.splice(0), [], 'no page errors');
  });

  async function newPage(url: string, theme?: keyof typeof THEMES): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(url);
    if (theme)
      await page.evaluate((vars) => {
        for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
      }, THEMES[theme]);
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
    return page;
  }

  async function openCard(theme?: keyof typeof THEMES): Promise<Page> {
    const page = await newPage(cards!.url, theme);
    await page.evaluate((c) => window.postMessage({ type: 'card', card: c }, '*'), card);
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'rendered'));
    return page;
  }

  const send = (page: Page, message: HostToWebview) => page.evaluate((m) => window.postMessage(m, '*'), message);
  const posted = (page: Page) => page.evaluate(() => window.__posted.filter((m) => !['ready', 'rendered', 'setState'].includes(m.type)));

  /** Each drawn node: its key, classes, accessible name and whether it is in the Tab order. */
  const nodes = (page: Page) =>
    page.locator('.relations-graph .node').evaluateAll((list) =>
      list.map((n) => ({
        key: n.getAttribute('data-key')!,
        className: n.getAttribute('class')!,
        label: n.getAttribute('aria-label')!,
        role: n.getAttribute('role'),
        tabbable: n.getAttribute('tabindex') === '0',
        box: (() => {
          // The box, not the group: a long name runs on under its clip.
          const r = n.querySelector('rect.box')!.getBoundingClientRect();
          return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
        })(),
      })),
    );

  /** The preview with the plan, and the order's relationship view asked for and answered as the host does. */
  async function openPreview(theme?: keyof typeof THEMES): Promise<Page> {
    const page = await newPage(previews!.url, theme);
    await send(page, { type: 'init', plan: plan(), context: CONTEXT });
    await page
      .getByRole('button', { name: /^Relationships$/ })
      .first()
      .click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'showRelations', stepId: 'orders:240' });
    await send(page, { type: 'relations', stepId: 'orders:240', graph });
    await page.locator('.relations-graph').waitFor();
    return page;
  }

  it('draws the contact, the order, its items and products, payments and the subscription, laid out without overlaps', async () => {
    const page = await openCard();
    const drawn = await nodes(page);
    assert.deepEqual(drawn.map((n) => n.key).sort(), [
      'contacts:21',
      'items:240:0',
      'items:240:1',
      'orders:240',
      'payments:7',
      'payments:9',
      'products:6',
      'products:8',
      'subscriptions:3',
    ]);
    // contact -> order, order -> 2 items, item -> product (2), order -> 2 payments, product 8 -> subscription.
    assert.equal(await page.locator('.relations-graph path.edge').count(), 8);
    for (const [i, a] of drawn.entries())
      for (const b of drawn.slice(i + 1))
        assert.ok(
          a.box.right <= b.box.x || b.box.right <= a.box.x || a.box.bottom <= b.box.y || b.box.bottom <= a.box.y,
          `${a.key} overlaps ${b.key}`,
        );
    // Left to right as the chain reads: contact, order, items, products, subscription.
    const x = (key: string) => drawn.find((n) => n.key === key)!.box.x;
    assert.ok(
      x('contacts:21') < x('orders:240') &&
        x('orders:240') < x('items:240:0') &&
        x('items:240:0') < x('products:8') &&
        x('products:8') < x('subscriptions:3'),
    );
    // Every node is named; records open (buttons in the Tab order), items and the order itself do not.
    const byKey = new Map(drawn.map((n) => [n.key, n]));
    assert.match(byKey.get('items:240:0')!.label, /^Item: 2 × Yoga Mat\. \$40\.00$/);
    assert.equal(byKey.get('items:240:0')!.tabbable, false);
    assert.equal(byKey.get('orders:240')!.tabbable, false);
    assert.match(byKey.get('payments:7')!.label, /^Payment #7: \$200\.00 on Dec 6, 2023\. Open it\.$/);
    assert.equal(byKey.get('payments:7')!.role, 'button');
    await page.locator('[data-key="products:6"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-key="subscriptions:3"]').click();
    assert.deepEqual(await posted(page), [
      { type: 'open', link: { entity: 'products', id: '6' } },
      { type: 'open', link: { entity: 'subscriptions', id: '3' } },
    ]);
    // The same facts in words, for a screen reader or a search.
    assert.match(
      (await page.locator('.relations-words').textContent()) ?? '',
      /Order #240: Spring order\. \$401\.50 · Dec 6, 2023; has item item 2 × Yoga Mat/,
    );
  });

  it('shows hostile CRM text in the graph as text and runs none of it', async () => {
    const page = await openCard();
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const texts = await page.locator('.relations-graph text').allTextContents();
    assert.ok(
      texts.some((t) => t.startsWith('Megan <img')),
      texts.join(' | '),
    );
    const labels = (await nodes(page)).map((n) => n.label);
    assert.ok(labels.includes(`Contact #21: Megan ${HOSTILE_IMG}. Open it.`), labels.join(' | '));
    assert.ok(labels.some((l) => l.startsWith(`Product #8: Coaching ${HOSTILE_IMG}`)));
  });

  it('in the preview, says for each record whether it is live, will be created, or was created and under which id', async () => {
    const page = await openPreview();
    const stateOf = async () =>
      new Map((await nodes(page)).map((n) => [n.key, { state: /state-(\w+)/.exec(n.className)![1], label: n.label }]));
    let states = await stateOf();
    const expect = (key: string, state: string, words: RegExp) => {
      assert.equal(states.get(key)?.state, state, key);
      assert.match(states.get(key)!.label, words, key);
    };
    expect('contacts:21', 'live', /In the account as #77/);
    expect('products:6', 'live', /In the account as #6, identical/);
    expect('products:8', 'create', /Will be created \(new id\)/);
    expect('orders:240', 'create', /Will be created/);
    expect('items:240:0', 'create', /Created with the order/);
    expect('payments:7', 'create', /Will be created/);
    expect('payments:9', 'none', /Not in this plan/);
    expect('subscriptions:3', 'blocked', /Can't be restored/);

    // Apply reports: the new ids appear on the nodes as they come.
    await send(page, { type: 'applyStarted', total: 3 });
    await send(page, { type: 'progress', stepId: 'products:8', status: 'done', newId: '810' });
    await send(page, { type: 'progress', stepId: 'orders:240', status: 'done', newId: '912' });
    await send(page, { type: 'progress', stepId: 'payments:7', status: 'done', newId: '913' });
    await page.locator('[data-key="payments:7"].state-created').waitFor();
    states = await stateOf();
    expect('products:8', 'created', /Created as #810/);
    expect('orders:240', 'created', /Created as #912/);
    expect('payments:7', 'created', /Created as #913/);
    expect('contacts:21', 'live', /In the account as #77/);
    // A created record opens in the account under its new id; the others as the snapshot has them.
    await page.locator('[data-key="orders:240"]').click();
    await page.locator('[data-key="payments:9"]').click();
    assert.deepEqual((await posted(page)).slice(-2), [
      { type: 'openRecord', entity: 'orders', id: '912', where: 'live' },
      { type: 'openRecord', entity: 'payments', id: '9', where: 'snapshot' },
    ]);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img').count(), 0);
  });

  for (const theme of Object.keys(THEMES) as Array<keyof typeof THEMES>) {
    it(`has no serious or critical accessibility violation (axe-core) in ${theme}: the card's and the preview's graph`, async () => {
      const audit = async (page: Page, where: string) => assert.deepEqual(await seriousViolations(page), [], `${theme}, ${where}`);
      await audit(await openCard(theme), 'the order card');
      await audit(await openPreview(theme), 'the preview');
    });
  }
});
