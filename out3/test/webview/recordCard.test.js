"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The record card's page (dist/recordCard.js) in headless Chromium, under its real CSP: an order's
 * and a contact's card whose CRM text is hostile HTML is shown as text and runs nothing, and their
 * buttons and links post the messages the host acts on. Needs `npm run build` (the bundle) first.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const browser_1 = require("./support/browser");
const cardPage_1 = require("./support/cardPage");
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const contact = {
    kind: 'contact',
    title: `Megan ${HOSTILE}`,
    where: 'From the snapshot of 27 Nov 2026, 10:05',
    facts: [
        { label: 'Email', value: 'megan@example.com' },
        { label: 'Company', value: `Acme ${HOSTILE}`, link: { entity: 'companies', id: '4' } },
    ],
    totals: [
        { label: 'Spent', value: '$441.50' },
        { label: 'Orders', value: '2' },
    ],
    orders: [
        { title: 'Order #240', date: 'Dec 6, 2023', total: '$401.50', status: 'Paid', link: { entity: 'orders', id: '240' } },
        { title: 'Order #241', date: 'Jan 6, 2024', total: '$40.00', link: { entity: 'orders', id: '241' } },
    ],
    tags: ['VIP', '<script>window.__pwned=3</script>'],
    subscriptions: [{ title: 'Subscription #3 · $49.00 · every month', status: 'Active', link: { entity: 'subscriptions', id: '3' } }],
    problems: [],
};
const card = {
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
    let browser;
    let server;
    before(async function () {
        const chromium = (0, browser_1.findChromium)();
        if (!chromium)
            return this.skip();
        server = await (0, cardPage_1.serveCardPage)();
        browser = await (0, browser_1.launchChromium)(chromium);
    });
    after(async () => {
        await browser?.close();
        server?.close();
    });
    async function open(shown = card) {
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
        await page.evaluate((c) => window.postMessage({ type: 'card', card: c }, '*'), shown);
        await page.waitForFunction(() => window.__posted.some((m) => m.type === 'rendered'));
        return page;
    }
    it('shows hostile CRM text as text and runs none of it', async () => {
        const page = await open();
        strict_1.default.equal(await page.locator('img').count(), 0, 'no element was made from a name');
        strict_1.default.equal(await page.locator('script').count(), 2, 'only the stub and the bundle');
        strict_1.default.equal(await page.evaluate(() => window.__pwned), undefined);
        const text = await page.locator('main').innerText();
        strict_1.default.ok(text.includes(HOSTILE) && text.includes('<script>window.__pwned=1</script>'), text);
        strict_1.default.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Order 240\s*Paid$/);
        await page.close();
    });
    it('its buttons and links post what the host acts on', async () => {
        const page = await open();
        await page.getByRole('button', { name: 'Show raw JSON' }).click();
        await page.getByRole('button', { name: 'Plan a restore of this order…' }).click();
        await page.getByRole('link', { name: 'Widget' }).click();
        await page.getByRole('link', { name: 'Payment 7' }).click();
        const posted = await page.evaluate(() => window.__posted.filter((m) => m.type !== 'ready' && m.type !== 'rendered'));
        strict_1.default.deepEqual(posted, [
            { type: 'json' },
            { type: 'restore' },
            { type: 'open', link: { entity: 'products', id: '6' } },
            { type: 'open', link: { entity: 'payments', id: '7' } },
        ]);
        await page.close();
    });
    it('a contact card: their orders, tags and company, hostile text shown as text, orders opening their cards', async () => {
        const page = await open(contact);
        strict_1.default.equal(await page.locator('img').count(), 0);
        strict_1.default.equal(await page.locator('script').count(), 2, 'only the stub and the bundle');
        strict_1.default.equal(await page.evaluate(() => window.__pwned), undefined);
        strict_1.default.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Megan ${HOSTILE}`);
        const text = await page.locator('main').innerText();
        for (const expected of ['Spent', '$441.50', 'Order #240', 'Paid', 'Tags', 'VIP', '<script>window.__pwned=3</script>', 'Subscriptions'])
            strict_1.default.ok(text.includes(expected), `"${expected}" in:\n${text}`);
        strict_1.default.equal(await page.getByRole('button', { name: /Plan a restore/ }).count(), 0, 'a contact is restored with its orders');
        await page.getByRole('link', { name: 'Order #241' }).click();
        await page.getByRole('link', { name: `Acme ${HOSTILE}` }).click();
        await page.getByRole('button', { name: 'Show in Accounts view' }).click();
        const posted = await page.evaluate(() => window.__posted.filter((m) => m.type !== 'ready' && m.type !== 'rendered'));
        strict_1.default.deepEqual(posted, [
            { type: 'open', link: { entity: 'orders', id: '241' } },
            { type: 'open', link: { entity: 'companies', id: '4' } },
            { type: 'reveal' },
        ]);
        await page.close();
    });
});
//# sourceMappingURL=recordCard.test.js.map