"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The relationship view of an order in headless Chromium, under the pages' real CSPs and bundles:
 * in the record card (the graph orderRelations builds from an order's records) and in the restore
 * preview (the same graph with each record's state under the plan, before and after apply). Checks
 * the nodes and edges dagre laid out, what each node says and opens, that hostile CRM text stays
 * text, and axe-core in Light+ and Dark+.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const plan_1 = require("../../src/core/restore/plan");
const orderCard_1 = require("../../src/extension/recordCard/orderCard");
const orderRelations_1 = require("../../src/extension/recordCard/orderRelations");
const browser_1 = require("./support/browser");
const cardPage_1 = require("./support/cardPage");
const planFixture_1 = require("./support/planFixture");
const planPage_1 = require("./support/planPage");
const themes_1 = require("./support/themes");
const axe_1 = require("./support/axe");
const contact = {
    id: '21',
    given_name: 'Megan',
    family_name: planFixture_1.HOSTILE_IMG,
    email_addresses: [{ email: 'megan@example.com', field: 'EMAIL1' }],
};
const order = {
    id: '240',
    title: 'Spring order',
    status: 'PAID',
    contact: { id: '21', given_name: 'Megan' },
    order_time: '2023-12-06T13:41:06.000Z',
    total: { amount: 40150, currency_code: 'USD', formatted_amount: '$401.50' },
};
const input = {
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
            product: { id: '8', name: `Coaching ${planFixture_1.HOSTILE_IMG}` },
        },
    ],
    payments: [
        { id: '7', amount: 200, payment_time: '2023-12-06T13:45:00.000Z' },
        { id: '9', amount: 201.5, payment_time: '2024-01-06T13:45:00.000Z' },
    ],
    subscriptions: [
        { id: '3', contact_id: '21', product_id: '8', billing_amount: 49, billing_cycle: 'MONTH', active: true },
    ],
    state: 'snapshot',
    locale: 'en',
};
const graph = (0, orderRelations_1.orderRelations)(input);
const card = {
    ...(0, orderCard_1.orderCard)({ ...input, source: 'snapshot', where: 'From the snapshot of 27 Nov 2026, 10:05', locale: 'en' }),
    relations: graph,
};
/** The plan the preview shows: the contact and one product live, the order, the other product and one payment to create, the subscription blocked. */
function plan() {
    const base = (0, planFixture_1.syntheticPlan)(0);
    const steps = [
        (0, planFixture_1.planStep)('contacts', '21', { action: 'skip', reason: 'identical', liveId: '77', label: 'Megan' }),
        (0, planFixture_1.planStep)('products', '6', { action: 'skip', reason: 'identical', liveId: '6', label: 'Yoga Mat' }),
        (0, planFixture_1.planStep)('products', '8', { label: 'Coaching' }),
        (0, planFixture_1.planStep)('orders', '240', { label: 'Order 240', dependsOn: ['products:8'] }),
        (0, planFixture_1.planStep)('payments', '7', { label: 'Payment 7', dependsOn: ['orders:240'] }),
        (0, planFixture_1.planStep)('subscriptions', '3', { action: 'blocked', reason: 'past-start-date', label: 'Subscription 3' }),
    ];
    return { ...base, planId: 'relations', headline: (0, plan_1.headlineOf)(steps), steps };
}
describe('Relationship view of an order (headless Chromium)', function () {
    this.timeout(60_000);
    let browser;
    let cards;
    let previews;
    const contexts = [];
    const errors = [];
    before(async function () {
        const chromium = (0, browser_1.findChromium)();
        if (!chromium)
            return this.skip();
        cards = await (0, cardPage_1.serveCardPage)();
        previews = await (0, planPage_1.servePlanPage)();
        browser = await (0, browser_1.launchChromium)(chromium);
    });
    after(async () => {
        await browser?.close();
        cards?.close();
        await previews?.close();
    });
    afterEach(async () => {
        for (const c of contexts.splice(0))
            await c.close();
        strict_1.default.deepEqual(errors.splice(0), [], 'no page errors');
    });
    async function newPage(url, theme) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        contexts.push(context);
        const page = await context.newPage();
        page.on('pageerror', (err) => errors.push(err.message));
        await page.goto(url);
        if (theme)
            await page.evaluate((vars) => {
                for (const [name, value] of Object.entries(vars))
                    document.documentElement.style.setProperty(name, value);
            }, themes_1.THEMES[theme]);
        await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
        return page;
    }
    async function openCard(theme) {
        const page = await newPage(cards.url, theme);
        await page.evaluate((c) => window.postMessage({ type: 'card', card: c }, '*'), card);
        await page.waitForFunction(() => window.__posted.some((m) => m.type === 'rendered'));
        return page;
    }
    const send = (page, message) => page.evaluate((m) => window.postMessage(m, '*'), message);
    const posted = (page) => page.evaluate(() => window.__posted.filter((m) => !['ready', 'rendered', 'setState'].includes(m.type)));
    /** Each drawn node: its key, classes, accessible name and whether it is in the Tab order. */
    const nodes = (page) => page.locator('.relations-graph .node').evaluateAll((list) => list.map((n) => ({
        key: n.getAttribute('data-key'),
        className: n.getAttribute('class'),
        label: n.getAttribute('aria-label'),
        role: n.getAttribute('role'),
        tabbable: n.getAttribute('tabindex') === '0',
        box: (() => {
            // The box, not the group: a long name runs on under its clip.
            const r = n.querySelector('rect.box').getBoundingClientRect();
            return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
        })(),
    })));
    /** The preview with the plan, and the order's relationship view asked for and answered as the host does. */
    async function openPreview(theme) {
        const page = await newPage(previews.url, theme);
        await send(page, { type: 'init', plan: plan(), context: planFixture_1.CONTEXT });
        await page
            .getByRole('button', { name: /^Relationships$/ })
            .first()
            .click();
        strict_1.default.deepEqual((await posted(page)).at(-1), { type: 'showRelations', stepId: 'orders:240' });
        await send(page, { type: 'relations', stepId: 'orders:240', graph });
        await page.locator('.relations-graph').waitFor();
        return page;
    }
    it('draws the contact, the order, its items and products, payments and the subscription, laid out without overlaps', async () => {
        const page = await openCard();
        const drawn = await nodes(page);
        strict_1.default.deepEqual(drawn.map((n) => n.key).sort(), [
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
        strict_1.default.equal(await page.locator('.relations-graph path.edge').count(), 8);
        for (const [i, a] of drawn.entries())
            for (const b of drawn.slice(i + 1))
                strict_1.default.ok(a.box.right <= b.box.x || b.box.right <= a.box.x || a.box.bottom <= b.box.y || b.box.bottom <= a.box.y, `${a.key} overlaps ${b.key}`);
        // Left to right as the chain reads: contact, order, items, products, subscription.
        const x = (key) => drawn.find((n) => n.key === key).box.x;
        strict_1.default.ok(x('contacts:21') < x('orders:240') &&
            x('orders:240') < x('items:240:0') &&
            x('items:240:0') < x('products:8') &&
            x('products:8') < x('subscriptions:3'));
        // Every node is named; records open (buttons in the Tab order), items and the order itself do not.
        const byKey = new Map(drawn.map((n) => [n.key, n]));
        strict_1.default.match(byKey.get('items:240:0').label, /^Item: 2 × Yoga Mat\. \$40\.00$/);
        strict_1.default.equal(byKey.get('items:240:0').tabbable, false);
        strict_1.default.equal(byKey.get('orders:240').tabbable, false);
        strict_1.default.match(byKey.get('payments:7').label, /^Payment #7: \$200\.00 on Dec 6, 2023\. Open it\.$/);
        strict_1.default.equal(byKey.get('payments:7').role, 'button');
        await page.locator('[data-key="products:6"]').focus();
        await page.keyboard.press('Enter');
        await page.locator('[data-key="subscriptions:3"]').click();
        strict_1.default.deepEqual(await posted(page), [
            { type: 'open', link: { entity: 'products', id: '6' } },
            { type: 'open', link: { entity: 'subscriptions', id: '3' } },
        ]);
        // The same facts in words, for a screen reader or a search.
        strict_1.default.match((await page.locator('.relations-words').textContent()) ?? '', /Order #240: Spring order\. \$401\.50 · Dec 6, 2023; has item item 2 × Yoga Mat/);
    });
    it('shows hostile CRM text in the graph as text and runs none of it', async () => {
        const page = await openCard();
        strict_1.default.equal(await page.locator('img').count(), 0);
        strict_1.default.equal(await page.evaluate(() => window.__pwned), undefined);
        const texts = await page.locator('.relations-graph text').allTextContents();
        strict_1.default.ok(texts.some((t) => t.startsWith('Megan <img')), texts.join(' | '));
        const labels = (await nodes(page)).map((n) => n.label);
        strict_1.default.ok(labels.includes(`Contact #21: Megan ${planFixture_1.HOSTILE_IMG}. Open it.`), labels.join(' | '));
        strict_1.default.ok(labels.some((l) => l.startsWith(`Product #8: Coaching ${planFixture_1.HOSTILE_IMG}`)));
    });
    it('in the preview, says for each record whether it is live, will be created, or was created and under which id', async () => {
        const page = await openPreview();
        const stateOf = async () => new Map((await nodes(page)).map((n) => [n.key, { state: /state-(\w+)/.exec(n.className)[1], label: n.label }]));
        let states = await stateOf();
        const expect = (key, state, words) => {
            strict_1.default.equal(states.get(key)?.state, state, key);
            strict_1.default.match(states.get(key).label, words, key);
        };
        expect('contacts:21', 'live', /In the account as #77/);
        expect('products:6', 'live', /In the account as #6/);
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
        strict_1.default.deepEqual((await posted(page)).slice(-2), [
            { type: 'openRecord', entity: 'orders', id: '912', where: 'live' },
            { type: 'openRecord', entity: 'payments', id: '9', where: 'snapshot' },
        ]);
        strict_1.default.equal(await page.evaluate(() => window.__pwned), undefined);
        strict_1.default.equal(await page.locator('img').count(), 0);
    });
    for (const theme of Object.keys(themes_1.THEMES)) {
        it(`has no serious or critical accessibility violation (axe-core) in ${theme}: the card's and the preview's graph`, async () => {
            const audit = async (page, where) => strict_1.default.deepEqual(await (0, axe_1.seriousViolations)(page), [], `${theme}, ${where}`);
            await audit(await openCard(theme), 'the order card');
            await audit(await openPreview(theme), 'the preview');
        });
    }
});
//# sourceMappingURL=relations.test.js.map