/**
 * The record card's page (dist/recordCard.js) in headless Chromium, under its real CSP: a card
 * whose CRM text is hostile HTML is shown as text and runs nothing, and its buttons and links post
 * the messages the host acts on. Needs `npm run build` (the bundle) first.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { CardToHost, OrderCard } from '../../src/webview/recordCard/cardProtocol';
import { findChromium, launchChromium } from './support/browser';
import { serveCardPage, type CardPage } from './support/cardPage';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

// The browser side (this file compiles without the DOM lib).
declare const window: { __posted: CardToHost[]; __pwned?: number; postMessage(message: unknown, origin: string): void };

const card: OrderCard = {
  kind: 'order',
  title: 'Order 240',
  status: 'Paid',
  where: 'From the snapshot of 27 Nov 2026, 10:05',
  contact: { name: `Megan ${HOSTILE}`, email: 'megan@example.com', link: { entity: 'contacts', id: '21' } },
  facts: [{ label: 'Ordered', value: '6 Dec 2023, 13:41' }],
  items: [
    {
      name: HOSTILE,
      product: { name: 'Widget', link: { entity: 'products', id: '6' } },
      quantity: '2',
      unitPrice: '$200.75',
      amount: '$401.50',
    },
  ],
  totals: [{ label: 'Total', value: '$401.50' }],
  payments: [{ title: 'Payment 7', date: '6 Dec 2023, 13:45', amount: '$401.50', link: { entity: 'payments', id: '7' } }],
  notes: `<script>window.__pwned=1</script>`,
  problems: [],
  restorable: true,
};

describe('Record card webview (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let server: CardPage | undefined;

  before(async function () {
    const chromium = findChromium();
    if (!chromium) return this.skip();
    server = await serveCardPage();
    browser = await launchChromium(chromium);
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(): Promise<Page> {
    const page = await browser!.newPage();
    await page.goto(server!.url);
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
    await page.evaluate((c) => window.postMessage({ type: 'card', card: c }, '*'), card);
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'rendered'));
    return page;
  }

  it('shows hostile CRM text as text and runs none of it', async () => {
    const page = await open();
    assert.equal(await page.locator('img').count(), 0, 'no element was made from a name');
    assert.equal(await page.locator('script').count(), 2, 'only the stub and the bundle');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(HOSTILE) && text.includes('<script>window.__pwned=1</script>'), text);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Order 240\s*Paid$/);
    await page.close();
  });

  it('its buttons and links post what the host acts on', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Show raw JSON' }).click();
    await page.getByRole('button', { name: 'Plan a restore of this order…' }).click();
    await page.getByRole('link', { name: 'Widget' }).click();
    await page.getByRole('link', { name: 'Payment 7' }).click();
    const posted = await page.evaluate(() => window.__posted.filter((m) => m.type !== 'ready' && m.type !== 'rendered'));
    assert.deepEqual(posted, [
      { type: 'json' },
      { type: 'restore' },
      { type: 'open', link: { entity: 'products', id: '6' } },
      { type: 'open', link: { entity: 'payments', id: '7' } },
    ]);
    await page.close();
  });
});
