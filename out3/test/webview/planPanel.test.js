"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The restore-plan webview in headless Chromium, served under the panel's real CSP with the real
 * bundle (see support/planPage). The plan comes from the real planner over a damaged emulator
 * account, named from its snapshot as the host names it (stepFacts), and the progress test feeds the
 * page what the real applier reports. The accessibility test runs axe-core in the page in Light+ and Dark+.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const plan_1 = require("../../src/core/restore/plan");
const query_1 = require("../../src/core/snapshot/query");
const lookAlike_1 = require("../../src/extension/planPanel/lookAlike");
const labels_1 = require("../../src/webview/labels");
const support_1 = require("../unit/restore/support");
const emulator_1 = require("../unit/support/emulator");
const browser_1 = require("./support/browser");
const planFixture_1 = require("./support/planFixture");
const planPage_1 = require("./support/planPage");
const themes_1 = require("./support/themes");
const axe_1 = require("./support/axe");
const PAGE_SIZE = 250;
describe('Restore plan webview (headless Chromium)', function () {
    this.timeout(60_000);
    let browser;
    let server;
    let fx;
    let plan;
    /** The plan as the host sends it: with the names read from the snapshot. */
    let view;
    const init = (p = view, extra = {}) => ({
        type: 'init',
        plan: p,
        context: planFixture_1.CONTEXT,
        ...extra,
    });
    const timings = {};
    const panels = [];
    before(async function () {
        const chromium = (0, browser_1.findChromium)();
        if (!chromium)
            this.skip();
        fx = await (0, planFixture_1.hostilePlan)();
        plan = fx.plan;
        view = (0, planFixture_1.hostView)(fx);
        server = await (0, planPage_1.servePlanPage)();
        const started = Date.now();
        browser = await (0, browser_1.launchChromium)(chromium);
        timings['launch Chromium'] = Date.now() - started;
    });
    after(async () => {
        await browser?.close();
        await server?.close();
        fx?.fixture.snapshot.close();
        await (0, emulator_1.closeTestAccounts)();
        if (Object.keys(timings).length)
            console.log(`      timings (ms): ${Object.entries(timings)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}`);
    });
    afterEach(async () => {
        for (const panel of panels.splice(0))
            await panel.context.close();
    });
    /** A fresh browser context (own sessionStorage) with the panel loaded and `ready` posted. */
    async function openPanel() {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        const page = await context.newPage();
        const panel = { page, context, csp: [], problems: [] };
        panels.push(panel);
        // Collected outside the page so a reload keeps them; the init script is not subject to the CSP.
        await page.exposeBinding('__reportCsp', (_source, violation) => {
            panel.csp.push(violation);
        });
        await page.addInitScript(() => {
            document.addEventListener('securitypolicyviolation', (e) => window.__reportCsp({ directive: e.effectiveDirective ?? e.violatedDirective, blockedURI: e.blockedURI, sample: e.sample }), true);
        });
        page.on('pageerror', (err) => panel.problems.push(`page error: ${err.message}`));
        // Load failures are judged by the response handler and CSP reports by the violation events.
        page.on('console', (message) => {
            if (message.type() === 'error' && !/Failed to load resource|Content Security Policy/.test(message.text()))
                panel.problems.push(`console: ${message.text()}`);
        });
        // The panel's own resources must all load (the browser's favicon probe and deliberately broken markup aside).
        page.on('response', (response) => {
            const { pathname } = new URL(response.url());
            if (response.status() >= 400 && (pathname === '/' || pathname.startsWith('/dist/')))
                panel.problems.push(`${response.status()} ${response.url()}`);
        });
        // Apply is confirmed by the host in VS Code's modal: no dialog of the browser's (window.confirm) may appear.
        page.on('dialog', (dialog) => {
            panel.problems.push(`native ${dialog.type()} dialog: ${dialog.message()}`);
            void dialog.dismiss();
        });
        const started = Date.now();
        await page.goto(server.url);
        await waitForPosted(page, 'ready');
        timings['load to ready'] ??= Date.now() - started;
        return panel;
    }
    /** Delivers a host message and returns once the page's own listener (registered first) has run. */
    async function send(page, message) {
        await page.evaluate((m) => new Promise((resolve) => {
            window.addEventListener('message', () => resolve(), { once: true });
            window.postMessage(m, '*');
        }), message);
    }
    async function posted(page) {
        return page.evaluate(() => window.__posted);
    }
    async function waitForPosted(page, type) {
        await page.waitForFunction((t) => window.__posted.some((m) => m.type === t), type);
    }
    function assertClean(panel, deliberate = []) {
        strict_1.default.deepEqual(panel.problems, [], 'no page errors, failed loads or native dialogs');
        const unexpected = panel.csp.filter((v) => !deliberate.includes(v.directive));
        strict_1.default.deepEqual(unexpected, [], 'no CSP violation');
    }
    async function rowIds(page) {
        return page
            .locator('table.steps tbody tr.step')
            .evaluateAll((rows) => rows.map((r) => r.dataset.stepId));
    }
    function row(page, stepId) {
        return page.locator(`table.steps tbody tr[data-step-id="${stepId}"]`);
    }
    async function prop(locator, name) {
        return locator.evaluate((el, n) => el[n], name);
    }
    async function chooseOption(page, selectClass, optionText) {
        // At the top of the viewport, so its drop-down has room below it whatever the banners above take.
        await page.locator(`vscode-single-select.${selectClass}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.locator(`vscode-single-select.${selectClass}`).click();
        await page.locator(`vscode-single-select.${selectClass} li[role=option]`, { hasText: new RegExp(`^\\s*${optionText}\\s*$`) }).click();
    }
    /** Independent of the view's filter code: the fields a person sees, searched for one word. */
    function mentions(step, word) {
        const facts = view.steps.find((s) => s.id === step.id)?.facts;
        const fields = [
            facts?.name ?? '',
            facts?.about ?? '',
            step.id,
            step.entity,
            step.action,
            step.reason,
            step.label ?? '',
            step.detail,
            step.oldId,
            step.liveId ?? '',
            ...step.dependsOn,
            ...(step.sideEffects ?? []),
        ];
        return fields.some((f) => f.toLowerCase().includes(word.toLowerCase()));
    }
    const actionable = (s) => s.action === 'create' || s.action === 'update';
    /** What the list shows by default: what will run or needs a person. */
    const relevant = (s) => s.action !== 'skip';
    const nameOf = (id) => view.steps.find((s) => s.id === id).facts.name;
    /** The ids shown, checked to be the `expected` steps with each payment right under its order when that is shown. */
    async function assertListed(page, expected) {
        const ids = await rowIds(page);
        strict_1.default.deepEqual([...ids].sort(), expected.map((s) => s.id).sort(), 'the steps listed');
        ids.forEach((id, i) => {
            const parent = view.steps.find((s) => s.id === id).facts?.parent;
            if (!parent || !ids.includes(parent))
                return;
            const before = ids[i - 1];
            const siblingOrParent = before === parent || view.steps.find((s) => s.id === before).facts?.parent === parent;
            strict_1.default.ok(siblingOrParent, `${id} is listed under ${parent}`);
        });
    }
    it('posts ready, then says in one sentence what Apply will do, counts what happens, and lists what will run or needs a person', async () => {
        const panel = await openPanel();
        const { page } = panel;
        strict_1.default.deepEqual(await posted(page), [{ type: 'ready' }], 'only ready before the host speaks');
        const started = Date.now();
        await send(page, init());
        timings[`init to rows (${plan.steps.length} steps)`] = Date.now() - started;
        // The summary first, in words: the planner made 7 orders, 14 payments… to create in this account.
        const headline = plan.headline;
        const sentence = (await page.locator('h1.sentence').textContent());
        strict_1.default.match(sentence, new RegExp(`^Will create ${headline.orders.create} orders, ${headline.payments.create} payments, `));
        strict_1.default.match(sentence, new RegExp(`and update ${headline.contacts.update} contacts in Keap \\(acme\\)\\.$`));
        strict_1.default.equal(await page.locator('.sentence-after').textContent(), "Nothing is deleted. 1 order needs your decision. 1 campaign can't be restored.");
        // "Keap Vault Ref" is explained once, near the top.
        strict_1.default.match((await page.locator('.marker-note').textContent()), /text custom field named "Keap Vault Ref"/);
        // Counts per kind of record, the unchanged ones folded into one line.
        strict_1.default.equal(await page.locator('.counts li[data-entity="orders"]').textContent(), `Orders: ${headline.orders.create} to create · 1 needs your decision`);
        const unchanged = Object.values(headline).reduce((n, c) => n + c.skip, 0);
        strict_1.default.equal(await page.locator('.counts li.unchanged').textContent(), `${unchanged} records are already in the account and left as they are.`);
        // By default the list holds only what will run or needs a person, a payment under its order.
        await assertListed(page, plan.steps.filter(relevant));
        strict_1.default.match((await page.locator('.shown-count').textContent()), new RegExp(`; ${plan.steps.length} in the plan`));
        const payment = view.steps.find((s) => s.entity === 'payments' && s.action === 'create' && s.facts?.parent);
        strict_1.default.match(payment.facts.name, /^Payment of \$[\d,.]+ on .+'s order #\d+$/, 'a payment is named by its amount and order');
        strict_1.default.equal(await row(page, payment.id).locator('.record-label').textContent(), payment.facts.name);
        // An update shows before -> after per field, in words.
        const update = view.steps.find((s) => s.action === 'update' && s.changes?.length);
        const change = update.facts.changes[0];
        strict_1.default.equal(change.field, 'first name');
        strict_1.default.equal(await row(page, update.id).locator('ul.changes li').first().textContent(), `${change.field}: ${change.before} → becomes ${change.after}`);
        // A likely duplicate: the reason in words (the code in the tooltip), the live order it matches, the choices.
        const conflict = plan.steps.find((s) => s.action === 'conflict');
        const reason = row(page, conflict.id).locator('.reason');
        strict_1.default.equal(await reason.textContent(), 'The account has an order that looks the same: is it this one?');
        strict_1.default.equal(await reason.getAttribute('title'), 'likely-duplicate');
        strict_1.default.equal((await row(page, conflict.id).locator('td.result').textContent())?.trim(), `matches live #${conflict.liveId}`);
        const blocked = plan.steps.find((s) => s.action === 'blocked');
        strict_1.default.equal(await row(page, blocked.id).locator('.reason').getAttribute('title'), blocked.reason);
        strict_1.default.match((await row(page, blocked.id).locator('.choices').textContent()), /cannot create it/);
        await row(page, conflict.id)
            .locator('.choices button', { hasText: `Open order #${conflict.liveId} in the account` })
            .click();
        strict_1.default.deepEqual((await posted(page)).find((m) => m.type === 'openRecord'), { type: 'openRecord', entity: 'orders', id: conflict.liveId, where: 'live' });
        // The decision is also offered at the top: the same order (linked) or a different one (created); both re-plan.
        const decision = page.locator(`.attention.decisions li[data-step-id="${conflict.id}"]`);
        strict_1.default.match((await decision.textContent()), new RegExp(`^${nameOf(conflict.id)}`));
        await decision.locator('vscode-button', { hasText: `Same order: link to #${conflict.liveId}` }).click();
        strict_1.default.deepEqual((await posted(page)).find((m) => m.type === 'replan'), { type: 'replan', options: { resolutions: { [conflict.id]: 'link' } } });
        // Each step names what it needs.
        const dependent = plan.steps.find((s) => s.action === 'create' && s.dependsOn.length > 1);
        strict_1.default.deepEqual(await row(page, dependent.id).locator('.depends button').allTextContents(), dependent.dependsOn.map(nameOf));
        // The risk callout, above Apply: what Keap does on its own (once per effect, not per row) and what cannot be undone.
        const risk = page.locator('section.risk');
        strict_1.default.match((await risk.locator('.side-effects').textContent()), new RegExp(`${headline.payments.create} payments: The first payment`));
        strict_1.default.equal(await page.locator('table.steps .side-effect').count(), 0, 'no side-effect sentence on the rows');
        strict_1.default.match((await risk.locator('.permanent').textContent()), /Keap cannot delete a payment/);
        strict_1.default.ok(await page.evaluate(() => {
            const r = document.querySelector('section.risk');
            return (r.compareDocumentPosition(document.querySelector('.actions vscode-button.apply')) & 4) !== 0;
        }), 'the risk callout comes before Apply');
        // The plan's other notes are one click away.
        strict_1.default.match((await page.locator('details.plan-notes').textContent()), /Transactions are not restored/);
        // The codicon font loads under font-src.
        strict_1.default.ok((await page.evaluate(() => document.fonts.load('16px codicon'))).length > 0, 'codicon font loaded');
        assertClean(panel);
    });
    it('shows no internal code, id or ISO time as text: every name comes from the label map or the records', async () => {
        const panel = await openPanel();
        const { page } = panel;
        await send(page, init());
        const codes = (0, labels_1.internalCodes)();
        strict_1.default.ok(codes.includes('custom_fields') && codes.includes('missing-in-live') && codes.includes('present-differs'));
        const check = async (when) => {
            const text = await page.evaluate(() => document.body.innerText);
            for (const code of codes)
                strict_1.default.ok(!text.includes(code), `${when}: "${code}" is shown`);
            const stepId = /\b(?:custom_fields|tags|companies|contacts|products|subscription_plans|orders|payments|contact_tags|subscriptions|campaigns):[\w:]+/.exec(text);
            strict_1.default.equal(stepId?.[0], undefined, `${when}: a step id is shown`);
            const iso = /\d{4}-\d\d-\d\dT\d\d:\d\d/.exec(text);
            strict_1.default.equal(iso?.[0], undefined, `${when}: an ISO time is shown`);
            strict_1.default.ok(!/marker:[A-Z]/.test(text), `${when}: a marker id is shown`);
        };
        await check('the plan');
        // Every step, unchanged ones included.
        await chooseOption(page, 'action-filter', 'All steps');
        strict_1.default.equal((await rowIds(page)).length, plan.steps.length);
        await check('every step');
        // After an apply, with its receipt.
        const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create');
        await send(page, { type: 'applyStarted', total: 1 });
        await send(page, { type: 'progress', stepId: order.id, status: 'done', newId: '9100' });
        await send(page, { type: 'receipt', receipt: receiptFor([{ entity: 'orders', oldId: order.oldId, newId: '9100' }]) });
        await check('the result');
        assertClean(panel);
    });
    /** A receipt of an apply that created the records of `idMap`, verified. */
    function receiptFor(idMap) {
        return {
            ...(0, plan_1.emptyReceipt)(plan.planId, '2026-11-26T12:00:00.000Z'),
            finishedAt: '2026-11-26T12:01:00.000Z',
            created: idMap.length,
            idMap,
            requests: idMap.length,
            verification: { checked: idMap.length, problems: [] },
        };
    }
    it('filters by text and by action, and a count filters to its kind of record and action', async () => {
        const panel = await openPanel();
        const { page } = panel;
        await send(page, init());
        strict_1.default.equal(await prop(page.locator('vscode-single-select.action-filter'), 'value'), 'relevant');
        const textFilter = page.locator('vscode-textfield.text-filter input');
        await textFilter.fill('invoice');
        const byText = plan.steps.filter((s) => relevant(s) && mentions(s, 'invoice'));
        strict_1.default.ok(byText.length > 1 && byText.length < plan.steps.length);
        await assertListed(page, byText);
        await chooseOption(page, 'action-filter', 'Create');
        const both = byText.filter((s) => s.action === 'create');
        strict_1.default.ok(both.length > 0 && both.length < byText.length);
        await assertListed(page, both);
        await textFilter.fill('');
        await assertListed(page, plan.steps.filter((s) => s.action === 'create'));
        await textFilter.fill('no step has this text');
        strict_1.default.deepEqual(await rowIds(page), []);
        strict_1.default.equal(await page.locator('table.steps tbody tr.empty').count(), 1);
        await page.locator('.counts li[data-entity="orders"] button', { hasText: 'to create' }).click();
        await assertListed(page, plan.steps.filter((s) => s.entity === 'orders' && s.action === 'create'));
        strict_1.default.equal(await prop(page.locator('vscode-single-select.entity-filter'), 'value'), 'orders');
        strict_1.default.equal(await prop(page.locator('vscode-textfield.text-filter'), 'value'), '', 'a count clears the text filter');
        // The unchanged records are one click away.
        await page.locator('.counts li.unchanged button').click();
        await assertListed(page, plan.steps.filter((s) => s.action === 'skip'));
        // Sorting by action puts what needs a person first.
        await chooseOption(page, 'action-filter', 'Will run or needs you');
        await page.locator('th[data-sort="action"] button').click();
        const firstTwo = (await rowIds(page)).slice(0, 2).map((id) => plan.steps.find((s) => s.id === id).action);
        strict_1.default.deepEqual(firstTwo, ['conflict', 'blocked']);
        strict_1.default.equal(await page.locator('th[data-sort="action"]').getAttribute('aria-sort'), 'ascending');
        assertClean(panel);
    });
    it('renders records named <img onerror> and <script> as text and runs nothing; the CSP blocks injected markup', async () => {
        const panel = await openPanel();
        const { page } = panel;
        await send(page, init());
        for (const [stepId, payload] of [
            [fx.hostileSteps.img, planFixture_1.HOSTILE_IMG],
            [fx.hostileSteps.script, planFixture_1.HOSTILE_SCRIPT],
        ]) {
            strict_1.default.equal(nameOf(stepId), payload, 'the host names the contact by its (hostile) name');
            strict_1.default.equal(await row(page, stepId).locator('.record-label').textContent(), payload, 'name shown literally');
            // Its order is named after it, literally too.
            const order = view.steps.find((s) => s.entity === 'orders' && s.action === 'create' && s.dependsOn.includes(stepId));
            strict_1.default.equal(await row(page, order.id).locator('.record-label').textContent(), `${payload}'s order #${order.oldId}`);
        }
        // Filtering by the payload text still finds it (it is data, not markup).
        await page.locator('vscode-textfield.text-filter input').fill('<script>window.__pwned');
        strict_1.default.deepEqual([...(await rowIds(page))].sort(), plan.steps
            .filter((s) => relevant(s) && mentions(s, '<script>window.__pwned'))
            .map((s) => s.id)
            .sort());
        strict_1.default.equal(await page.locator('main img').count(), 0, 'no img element was made');
        strict_1.default.equal(await page.locator('main script').count(), 0, 'no script element was made');
        await page.waitForTimeout(300);
        strict_1.default.equal(await page.evaluate(() => window.__pwned), undefined);
        assertClean(panel);
        // Defence in depth: markup that does get into the page cannot run either.
        await page.evaluate((img) => {
            document.body.insertAdjacentHTML('beforeend', img);
            const script = document.createElement('script');
            script.textContent = 'window.__pwned = 3';
            document.body.append(script);
        }, planFixture_1.HOSTILE_IMG);
        await page.waitForTimeout(300);
        strict_1.default.equal(await page.evaluate(() => window.__pwned), undefined);
        const directives = [...new Set(panel.csp.map((v) => v.directive))].sort();
        strict_1.default.deepEqual(directives, ['script-src-attr', 'script-src-elem'], 'the deliberate injections were refused by the CSP');
        assertClean(panel, ['script-src-attr', 'script-src-elem']);
    });
    it('disables Apply for a stale or unreadable plan and enables it for a fresh one', async () => {
        const panel = await openPanel();
        const { page } = panel;
        const applyButton = page.locator('.actions vscode-button.apply');
        await send(page, init(view, { stale: { reason: 'contacts 7 changed' } }));
        strict_1.default.equal(await prop(applyButton, 'disabled'), true);
        strict_1.default.match((await page.locator('.banner.stale').textContent()), /contacts 7 changed/);
        await applyButton.click({ force: true });
        strict_1.default.ok(!(await posted(page)).some((m) => m.type === 'apply'), 'no apply for a stale plan');
        await send(page, init());
        strict_1.default.equal(await prop(applyButton, 'disabled'), false);
        strict_1.default.equal(await page.locator('.banner.stale').count(), 0);
        await send(page, { type: 'stale', reason: 'orders 12 deleted' });
        strict_1.default.equal(await prop(applyButton, 'disabled'), true);
        strict_1.default.match((await page.locator('.apply-blocker').textContent()), /orders 12 deleted/);
        await page.locator('.banner.stale vscode-button').click();
        strict_1.default.deepEqual((await posted(page)).find((m) => m.type === 'replan'), { type: 'replan', options: {} });
        await send(page, init({ ...view, formatVersion: '2.0' }));
        strict_1.default.equal(await prop(applyButton, 'disabled'), true, 'a plan of an unknown major version');
        strict_1.default.match((await page.locator('.banner.error').textContent()), /format 2\.0/);
        strict_1.default.ok(!(await posted(page)).some((m) => m.type === 'apply'));
        assertClean(panel);
    });
    it('posts apply with the selected subset and changes nothing until the host says the apply started', async () => {
        const panel = await openPanel();
        const { page } = panel;
        await send(page, init());
        strict_1.default.match((await page.locator('.selection-summary').textContent()), new RegExp(`^Selected: create ${plan.headline.orders.create} orders, .*; update ${plan.headline.contacts.update} contacts\\.$`));
        // Dropping a contact drops what needs it (its orders, their payments, its tags), transitively.
        const dropped = new Set([fx.hostileSteps.img]);
        for (let grew = true; grew;) {
            grew = false;
            for (const s of plan.steps)
                if (!dropped.has(s.id) && s.dependsOn.some((d) => dropped.has(d)))
                    grew = dropped.add(s.id) !== undefined;
        }
        strict_1.default.ok(dropped.size > 2, 'the contact has dependents');
        const box = row(page, fx.hostileSteps.img).locator('input[type=checkbox]');
        strict_1.default.equal(await box.getAttribute('aria-label'), `Restore ${planFixture_1.HOSTILE_IMG}`, 'the box is named for its record');
        await box.click();
        for (const id of dropped)
            strict_1.default.equal(await prop(row(page, id).locator('input[type=checkbox]'), 'checked'), false, `${id} unselected`);
        const expected = plan.steps.filter((s) => actionable(s) && !dropped.has(s.id));
        // Apply asks the host, which confirms in VS Code's own modal: the page draws no dialog and changes nothing yet.
        const applyButton = page.locator('.actions vscode-button.apply');
        await applyButton.click();
        strict_1.default.equal(await page.locator('dialog').count(), 0, 'no confirmation drawn in the page');
        const applied = (await posted(page)).filter((m) => m.type === 'apply');
        strict_1.default.deepEqual(applied, [{ type: 'apply', stepIds: expected.map((s) => s.id) }]);
        strict_1.default.equal(await prop(applyButton, 'disabled'), false, 'a Cancel in the modal leaves the page as it was');
        strict_1.default.equal(await prop(row(page, expected[0].id).locator('input[type=checkbox]'), 'disabled'), false);
        await send(page, { type: 'applyStarted', total: expected.length });
        strict_1.default.equal(await prop(applyButton, 'disabled'), true, 'no second apply while one runs');
        strict_1.default.equal(await page.locator('.actions vscode-button.cancel').count(), 1);
        strict_1.default.equal(await prop(row(page, expected[0].id).locator('input[type=checkbox]'), 'disabled'), true);
        strict_1.default.match((await page.locator('h1.sentence').textContent()), /^Restoring: Will create/);
        // A refused apply (e.g. found stale by the host) re-enables the panel with the reason.
        await send(page, { type: 'error', message: 'The account changed since the plan was made. Make a new plan.' });
        strict_1.default.match((await page.locator('.banner.error').textContent()), /Make a new plan/);
        strict_1.default.equal(await prop(applyButton, 'disabled'), false);
        assertClean(panel);
    });
    it('fills the result column from the progress of a real apply, then turns the header into the result', async () => {
        const panel = await openPanel();
        const { page } = panel;
        await send(page, init());
        strict_1.default.equal(await page.locator('vscode-button.export-csv').count(), 0, 'no id map to export before anything was applied');
        await page.locator('.actions vscode-button.apply').click();
        const request = (await posted(page)).find((m) => m.type === 'apply');
        strict_1.default.deepEqual(request.stepIds, plan.steps.filter(actionable).map((s) => s.id));
        await send(page, { type: 'applyStarted', total: request.stepIds.length });
        // The host's part, in short: run the applier and forward what it reports.
        // Delivered one after another, in the order reported, as the host's message queue would.
        const reports = [];
        let delivered = Promise.resolve();
        const started = Date.now();
        const receipt = await (0, support_1.apply)(fx.fixture, plan, {
            onProgress: (p) => {
                reports.push(p);
                delivered = delivered.then(() => send(page, {
                    type: 'progress',
                    stepId: p.step.id,
                    status: p.status,
                    newId: p.newId,
                    message: p.message,
                    index: p.index,
                    total: p.total,
                }));
            },
        });
        await delivered;
        timings[`apply + ${reports.length} progress messages`] = Date.now() - started;
        strict_1.default.deepEqual(receipt.failed, []);
        const created = reports.filter((p) => p.status === 'done' && p.newId);
        strict_1.default.ok(created.length >= 20, 'creates reported new ids');
        for (const p of created) {
            const result = row(page, p.step.id).locator('td.result');
            strict_1.default.equal((await result.locator('.new-id').textContent())?.trim(), `${p.step.action === 'create' ? 'created as' : 'live'} #${p.newId}`, `${p.step.id} new id`);
            strict_1.default.match((await result.locator('.status').textContent()), /Done/);
        }
        strict_1.default.match((await page.locator('.progress-text').textContent()), /^Applying: \d+ of \d+ steps/);
        await send(page, { type: 'receipt', receipt });
        strict_1.default.match((await page.locator('.progress-text').textContent()), /^Finished/);
        // The header is now the result, in words, with what to do next.
        const orders = receipt.idMap.filter((e) => e.entity === 'orders').length;
        const payments = receipt.idMap.filter((e) => e.entity === 'payments').length;
        const checked = receipt.verification.checked;
        strict_1.default.match((await page.locator('header.result h1').textContent()), new RegExp(`^ Restored ${orders} orders, ${payments} payments, .* · verified ${checked}/${checked}$`));
        strict_1.default.match((await page.locator('header.result .sentence-after').textContent()), /^In Keap \(acme\), finished /);
        strict_1.default.equal(await page.locator('.actions').isVisible(), false, 'no Apply bar for an applied plan');
        strict_1.default.equal(await page.locator('section.risk').isVisible(), false);
        const receiptText = (await page.locator('section.receipt').textContent());
        strict_1.default.match(receiptText, new RegExp(`Created${receipt.created}`));
        strict_1.default.match(receiptText, new RegExp(`Updated${receipt.updated}`));
        strict_1.default.match(receiptText, new RegExp(`Verified: ${checked} records read back from Keap match the snapshot`));
        strict_1.default.doesNotMatch(receiptText, /\d{4}-\d\d-\d\dT/, 'receipt times are local, not ISO');
        for (const entry of receipt.idMap) {
            const cell = row(page, `${entry.entity}:${entry.oldId}`).locator('td.result .new-id');
            if (await cell.count())
                strict_1.default.match((await cell.textContent()), new RegExp(`#${entry.newId}$`));
        }
        await page.locator('header.result vscode-button.export-csv').click();
        await page.locator('header.result vscode-button.export-json').click();
        await page.locator('header.result vscode-button.compare-live').click();
        strict_1.default.deepEqual((await posted(page)).filter((m) => m.type === 'exportIdMap' || m.type === 'compareWithLive'), [{ type: 'exportIdMap', format: 'csv' }, { type: 'exportIdMap', format: 'json' }, { type: 'compareWithLive' }]);
        assertClean(panel);
    });
    it('counts records that differ apart from unchanged ones, and lists linked records, conflicts and duplicates in the receipt', async () => {
        const panel = await openPanel();
        const { page } = panel;
        // The same plan as made without "update existing": its updates become skips that say what differs.
        const asSkips = view.steps.map((s) => s.action === 'update' ? { ...s, action: 'skip', reason: 'present-differs' } : s);
        const differing = asSkips.filter((s) => s.action === 'skip' && s.changes?.length).length;
        strict_1.default.ok(differing > 0);
        await send(page, init({ ...view, options: { ...view.options, updateExisting: false }, steps: asSkips }));
        strict_1.default.match((await page.locator('section.differs').textContent()), new RegExp(`${differing} records in the account differ from the snapshot and will be left as they are.*update existing`));
        const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create');
        const contact = plan.steps.find((s) => s.entity === 'contacts' && s.action === 'create');
        const receipt = {
            ...receiptFor([]),
            linked: [{ stepId: contact.id, liveId: '9001', reason: 'contacts 9001 appeared in the account since the plan with the same email' }],
            conflicts: [
                {
                    stepId: order.id,
                    liveId: '9002',
                    reason: 'order 9002 was created in the account since the plan with the same contact, items and total',
                },
            ],
            duplicates: [{ entity: 'orders', oldId: order.oldId, liveIds: ['9003', '9004'] }],
            requests: 3,
        };
        await send(page, { type: 'receipt', receipt });
        strict_1.default.match((await page.locator('header.result h1').textContent()), /1 held as a conflict, 1 restored twice/);
        const text = (await page.locator('section.receipt').textContent());
        strict_1.default.match(text, /Receipt: applied with problems/);
        strict_1.default.match(text, /Already in Keap \(linked\)1/);
        strict_1.default.match(text, /Held as conflicts1/);
        strict_1.default.ok(text.includes(`${nameOf(contact.id)}: #9001: contacts 9001 appeared in the account since the plan`));
        strict_1.default.ok(text.includes(`${nameOf(order.id)}: order 9002 was created in the account since the plan`));
        strict_1.default.ok(text.includes(`${nameOf(order.id)} is in Keap 2 times (#9003, #9004)`));
        assertClean(panel);
    });
    it('restores filter, sort, selection and progress from getState after a reload', async () => {
        const panel = await openPanel();
        const { page } = panel;
        await send(page, init());
        await page.locator('vscode-textfield.text-filter input').fill('orders');
        await page.locator('th[data-sort="label"] button').click();
        const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create' && !s.dependsOn.includes(fx.hostileSteps.img));
        await row(page, order.id).locator('input[type=checkbox]').click();
        await send(page, { type: 'progress', stepId: order.id, status: 'failed', message: 'Keap said no' });
        const dependentPayment = plan.steps.find((s) => s.dependsOn.includes(order.id));
        await send(page, { type: 'progress', stepId: dependentPayment.id, status: 'done', newId: '990001' });
        // The state also goes to the host (for its serializer).
        await page.waitForFunction((id) => window.__posted.some((m) => m.type === 'setState' && m.state.progress[id]?.newId === '990001'), dependentPayment.id);
        const shownBefore = await rowIds(page);
        const hostCopy = [...(await posted(page))]
            .reverse()
            .find((m) => m.type === 'setState').state;
        strict_1.default.equal(hostCopy.filter.text, 'orders');
        strict_1.default.ok(!hostCopy.selected.includes(order.id));
        await page.reload();
        await waitForPosted(page, 'ready');
        // Drawn from getState alone, before the host says anything: the names too.
        await page.locator('table.steps tbody tr.step').first().waitFor();
        strict_1.default.equal(await prop(page.locator('vscode-textfield.text-filter'), 'value'), 'orders');
        strict_1.default.equal(await page.locator('th[data-sort="label"]').getAttribute('aria-sort'), 'ascending');
        strict_1.default.deepEqual(await rowIds(page), shownBefore);
        strict_1.default.equal(await row(page, order.id).locator('.record-label').textContent(), nameOf(order.id));
        strict_1.default.match((await page.locator('h1.sentence').textContent()), /in Keap \(acme\)/);
        strict_1.default.equal(await prop(row(page, order.id).locator('input[type=checkbox]'), 'checked'), false);
        strict_1.default.equal((await row(page, dependentPayment.id).locator('td.result .new-id').textContent())?.trim(), 'created as #990001');
        strict_1.default.match((await row(page, order.id).locator('td.result').textContent()), /Failed\s*Keap said no/);
        // The host's init for the same plan keeps what the user did.
        await send(page, init());
        strict_1.default.equal(await prop(page.locator('vscode-textfield.text-filter'), 'value'), 'orders');
        strict_1.default.deepEqual(await rowIds(page), shownBefore);
        // A host copy (serializer) is used when the webview has none, e.g. another plan's state was saved.
        const other = (0, planFixture_1.syntheticPlan)(3);
        const hostState = {
            ...hostCopy,
            planId: other.planId,
            filter: { text: 'Person 2', action: 'all', entity: 'all' },
            selected: [],
            progress: {},
            receipt: undefined,
        };
        await send(page, init(other, { state: hostState }));
        strict_1.default.deepEqual(await rowIds(page), ['contacts:2']);
        strict_1.default.equal(new Set(server.nonces).size, server.nonces.length, 'a fresh nonce per load');
        assertClean(panel);
    });
    it('draws a 10,000-step plan a page at a time, and keeps only its UI state across a reload', async () => {
        const panel = await openPanel();
        const { page } = panel;
        const big = (0, planFixture_1.syntheticPlan)(5_000);
        // Timed in the page: handing 10,000 steps to the page over the DevTools protocol is the test's cost, not the view's.
        await page.evaluate((p) => {
            window.__plan = p;
        }, big);
        timings['init to rows (10,000 steps, in page)'] = Math.round(await page.evaluate(() => new Promise((resolve) => {
            const t0 = performance.now();
            window.addEventListener('message', () => resolve(performance.now() - t0), { once: true });
            window.postMessage({ type: 'init', plan: window.__plan }, '*');
        })));
        strict_1.default.equal((await rowIds(page)).length, PAGE_SIZE);
        await page.locator('vscode-button.more').click();
        strict_1.default.equal((await rowIds(page)).length, 2 * PAGE_SIZE);
        const started = Date.now();
        await page.locator('vscode-textfield.text-filter input').fill('Person 4999');
        timings['filter 10,000 steps'] = Date.now() - started;
        strict_1.default.deepEqual(await rowIds(page), ['contacts:4999']);
        // Dropping the shown contact drops the order that needs it; choosing the order brings both back.
        await page.locator('table.steps thead input[type=checkbox]').click();
        strict_1.default.equal(await page.locator('.selection-summary').textContent(), 'Selected: create 4,999 orders and 4,999 contacts.');
        await page.locator('vscode-textfield.text-filter input').fill('orders:104999');
        strict_1.default.deepEqual(await rowIds(page), ['orders:104999']);
        await row(page, 'orders:104999').locator('input[type=checkbox]').click();
        strict_1.default.equal(await page.locator('.selection-summary').textContent(), 'Selected: create 5,000 orders and 5,000 contacts.');
        // Too big to copy into setState on every change: the UI state is kept, the plan comes from the host again.
        await page.waitForFunction(() => window.__posted.some((m) => m.type === 'setState' && m.state.filter.text === 'orders:104999'));
        strict_1.default.ok(Number(await page.evaluate('sessionStorage.getItem("keap-vault-webview-state").length')) < 1_000_000, 'saved state stays small');
        await page.reload();
        await waitForPosted(page, 'ready');
        strict_1.default.equal(await page.locator('table.steps').count(), 0, 'nothing drawn before init');
        await send(page, { type: 'init', plan: big });
        strict_1.default.equal(await prop(page.locator('vscode-textfield.text-filter'), 'value'), 'orders:104999');
        strict_1.default.deepEqual(await rowIds(page), ['orders:104999']);
        assertClean(panel);
    });
    it("shows a likely duplicate order beside the snapshot's, from what the host reads, for the link-or-create decision", async () => {
        const panel = await openPanel();
        const { page } = panel;
        await send(page, init());
        const conflict = plan.steps.find((s) => s.action === 'conflict');
        const decision = page.locator(`.attention.decisions li[data-step-id="${conflict.id}"]`);
        await decision.locator('vscode-button.compare-look-alike').click();
        strict_1.default.deepEqual((await posted(page)).filter((m) => m.type === 'compareLookAlike'), [{ type: 'compareLookAlike', stepId: conflict.id }]);
        // The host's part: the snapshot's order and its payments, the live order and its payments, as rows of words.
        const saved = (0, query_1.orderDetails)(fx.fixture.snapshot, conflict.oldId);
        const live = await fx.fixture.client.orders.get(conflict.liveId);
        const livePayments = [];
        for await (const p of fx.fixture.client.orders.payments(conflict.liveId))
            livePayments.push({ amount: p.amount, time: p.pay_time });
        const sides = [
            (0, lookAlike_1.orderSide)(`In the snapshot: order #${conflict.oldId}`, saved.order, saved.payments.map((p) => ({ amount: p.amount })), 'en'),
            (0, lookAlike_1.orderSide)(`In the account: order #${conflict.liveId}`, live, livePayments, 'en'),
        ];
        await send(page, { type: 'lookAlike', stepId: conflict.id, sides });
        const table = decision.locator('table.look-alike');
        strict_1.default.deepEqual(await table.locator('thead th').allTextContents(), [
            `In the snapshot: order #${conflict.oldId}`,
            `In the account: order #${conflict.liveId}`,
        ]);
        const rowOf = (label) => table.locator('tbody tr', { has: page.locator('th', { hasText: label }) });
        // The planner matched them on contact, items and total: those read the same; the invoice is Keap's own per order.
        for (const same of ['Contact', 'Items', 'Total']) {
            const cells = await rowOf(same).locator('td').allTextContents();
            strict_1.default.equal(cells[0], cells[1], `${same} is the same`);
            strict_1.default.ok(!(await rowOf(same).getAttribute('class'))?.includes('differs'), `${same} is not marked as different`);
        }
        strict_1.default.match((await rowOf('Items').locator('td').first().textContent()), /^\d+ × .+ at \$[\d,.]+/);
        const invoice = await rowOf('Invoice').locator('td').allTextContents();
        strict_1.default.notEqual(invoice[0], invoice[1]);
        strict_1.default.match((await rowOf('Invoice').locator('th').textContent()), /differs$/);
        assertClean(panel);
    });
    it('is one Tab stop as a grid: arrows move between cells, Space ticks a box, Enter goes into a cell', async () => {
        const panel = await openPanel();
        const { page } = panel;
        await send(page, init());
        const grid = page.locator('table.steps');
        strict_1.default.equal(await grid.getAttribute('role'), 'grid');
        // Exactly one element of the grid is in the Tab order.
        const tabbable = await grid.evaluate((t) => Array.from(t.querySelectorAll('*')).filter((e) => e.tabIndex >= 0).length);
        strict_1.default.equal(tabbable, 1, 'one Tab stop for the whole grid');
        const first = plan.steps.filter(relevant)[0];
        await page.locator('table.steps thead th.select').focus();
        await page.keyboard.press('ArrowDown');
        const box = row(page, first.id).locator('input[type=checkbox]');
        strict_1.default.equal(await prop(box, 'checked'), true);
        await page.keyboard.press(' ');
        strict_1.default.equal(await prop(box, 'checked'), false, 'Space on the cell ticks its box');
        await page.keyboard.press(' ');
        // To the record cell: Enter opens the snapshot's record (its one control).
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        strict_1.default.ok(await page.evaluate(() => !!document.activeElement?.closest('td.record')));
        await page.keyboard.press('Enter');
        strict_1.default.deepEqual((await posted(page)).filter((m) => m.type === 'openRecord').at(-1), {
            type: 'openRecord',
            entity: first.entity,
            id: first.oldId,
            where: 'snapshot',
        });
        assertClean(panel);
    });
    for (const theme of Object.keys(themes_1.THEMES)) {
        it(`has no serious or critical accessibility violation (axe-core) in ${theme}, before and after Apply`, async () => {
            const panel = await openPanel();
            const { page } = panel;
            await page.evaluate((vars) => {
                for (const [name, value] of Object.entries(vars))
                    document.documentElement.style.setProperty(name, value);
            }, themes_1.THEMES[theme]);
            await send(page, init());
            const audit = async (when) => strict_1.default.deepEqual(await (0, axe_1.seriousViolations)(page), [], `${theme}, ${when}`);
            // With a likely duplicate shown side by side.
            const conflict = plan.steps.find((s) => s.action === 'conflict');
            const side = (heading, status) => ({
                heading,
                rows: [
                    { label: 'Contact', value: 'Megan Wilson' },
                    { label: 'Status', value: status },
                ],
            });
            await send(page, {
                type: 'lookAlike',
                stepId: conflict.id,
                sides: [side('In the snapshot: order #3', 'Sent'), side('In the account: order #74', 'Draft')],
            });
            await audit('the plan');
            const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create');
            await send(page, { type: 'applyStarted', total: 1 });
            await send(page, { type: 'progress', stepId: order.id, status: 'done', newId: '9100' });
            await send(page, { type: 'receipt', receipt: receiptFor([{ entity: 'orders', oldId: order.oldId, newId: '9100' }]) });
            await audit('the result');
            // axe adds <style> elements of its own while it measures; the page's CSP refuses them (the other tests check the page's own).
            assertClean(panel, ['style-src-elem']);
        });
    }
});
//# sourceMappingURL=planPanel.test.js.map