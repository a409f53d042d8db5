/**
 * The restore-plan webview in headless Chromium, served under the panel's real CSP with the real
 * bundle (see support/planPage). The plan comes from the real planner over a damaged emulator
 * account, named from its snapshot as the host names it (stepFacts), and the progress test feeds the
 * page what the real applier reports. The accessibility test runs axe-core in the page in Light+ and Dark+.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { ApplyProgress, Receipt } from '../../src/core/restore/applier';
import type { PlanStep, RestorePlan } from '../../src/core/restore/plan';
import { emptyReceipt } from '../../src/core/restore/plan';
import { orderDetails } from '../../src/core/snapshot/query';
import { orderSide, type PaymentSeen } from '../../src/extension/planPanel/lookAlike';
import { internalCodes } from '../../src/webview/labels';
import type { HostToWebview, LookAlikeSide, PlanView, PlanViewState, WebviewToHost } from '../../src/webview/protocol';
import { apply } from '../unit/restore/support';
import { closeTestAccounts } from '../unit/support/emulator';
import { findChromium, launchChromium } from './support/browser';
import { CONTEXT, HOSTILE_IMG, HOSTILE_SCRIPT, hostilePlan, hostView, syntheticPlan, type HostilePlan } from './support/planFixture';
import { servePlanPage, type PlanPage } from './support/planPage';
import { THEMES } from './support/themes';
import { seriousViolations } from './support/axe';

// The browser side of the page functions below (this file compiles without the DOM lib).
interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
}
interface PageWindow {
  __posted: WebviewToHost[];
  __pwned?: number;
  __plan?: unknown;
  __reportCsp(violation: CspViolation): void;
  postMessage(message: unknown, targetOrigin: string): void;
  addEventListener(type: 'message', listener: () => void, options: { once: boolean }): void;
}
interface PageDocument {
  documentElement: { style: { setProperty(name: string, value: string): void } };
  body: { innerText: string; insertAdjacentHTML(position: 'beforeend', html: string): void; append(node: unknown): void };
  activeElement: { closest(selector: string): unknown } | null;
  querySelector(selector: string): unknown;
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (e: { violatedDirective: string; effectiveDirective?: string; blockedURI: string; sample: string }) => void,
    capture: boolean,
  ): void;
  createElement(tag: 'script'): { textContent: string };
  fonts: { load(font: string): Promise<unknown[]> };
}
declare const window: PageWindow;
declare const document: PageDocument;

const PAGE_SIZE = 250;

interface Panel {
  page: Page;
  context: BrowserContext;
  csp: CspViolation[];
  problems: string[];
}

describe('Restore plan webview (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let server: PlanPage | undefined;
  let fx: HostilePlan;
  let plan: RestorePlan;
  /** The plan as the host sends it: with the names read from the snapshot. */
  let view: PlanView;
  const init = (p: PlanView = view, extra: Partial<Extract<HostToWebview, { type: 'init' }>> = {}): HostToWebview => ({
    type: 'init',
    plan: p,
    context: CONTEXT,
    ...extra,
  });
  const timings: Record<string, number> = {};
  const panels: Panel[] = [];

  before(async function () {
    const chromium = findChromium();
    if (!chromium) this.skip();
    fx = await hostilePlan();
    plan = fx.plan;
    view = hostView(fx);
    server = await servePlanPage();
    const started = Date.now();
    browser = await launchChromium(chromium);
    timings['launch Chromium'] = Date.now() - started;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    fx?.fixture.snapshot.close();
    await closeTestAccounts();
    if (Object.keys(timings).length)
      console.log(
        `      timings (ms): ${Object.entries(timings)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
  });

  afterEach(async () => {
    for (const panel of panels.splice(0)) await panel.context.close();
  });

  /** A fresh browser context (own sessionStorage) with the panel loaded and `ready` posted. */
  async function openPanel(): Promise<Panel> {
    const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const panel: Panel = { page, context, csp: [], problems: [] };
    panels.push(panel);
    // Collected outside the page so a reload keeps them; the init script is not subject to the CSP.
    await page.exposeBinding('__reportCsp', (_source, violation: CspViolation) => {
      panel.csp.push(violation);
    });
    await page.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (e) => window.__reportCsp({ directive: e.effectiveDirective ?? e.violatedDirective, blockedURI: e.blockedURI, sample: e.sample }),
        true,
      );
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
    await page.goto(server!.url);
    await waitForPosted(page, 'ready');
    timings['load to ready'] ??= Date.now() - started;
    return panel;
  }

  /** Delivers a host message and returns once the page's own listener (registered first) has run. */
  async function send(page: Page, message: HostToWebview): Promise<void> {
    await page.evaluate(
      (m) =>
        new Promise<void>((resolve) => {
          window.addEventListener('message', () => resolve(), { once: true });
          window.postMessage(m, '*');
        }),
      message,
    );
  }

  async function posted(page: Page): Promise<WebviewToHost[]> {
    return page.evaluate(() => window.__posted);
  }

  async function waitForPosted(page: Page, type: WebviewToHost['type']): Promise<void> {
    await page.waitForFunction((t) => window.__posted.some((m) => m.type === t), type);
  }

  function assertClean(panel: Panel, deliberate: string[] = []): void {
    assert.deepEqual(panel.problems, [], 'no page errors, failed loads or native dialogs');
    const unexpected = panel.csp.filter((v) => !deliberate.includes(v.directive));
    assert.deepEqual(unexpected, [], 'no CSP violation');
  }

  async function rowIds(page: Page): Promise<string[]> {
    return page
      .locator('table.steps tbody tr.step')
      .evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { stepId: string } }).dataset.stepId));
  }

  function row(page: Page, stepId: string): Locator {
    return page.locator(`table.steps tbody tr[data-step-id="${stepId}"]`);
  }

  async function prop<T>(locator: Locator, name: string): Promise<T> {
    return locator.evaluate((el, n) => (el as unknown as Record<string, T>)[n], name);
  }

  async function chooseOption(page: Page, selectClass: string, optionText: string): Promise<void> {
    // At the top of the viewport, so its drop-down has room below it whatever the banners above take.
    await page.locator(`vscode-single-select.${selectClass}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator(`vscode-single-select.${selectClass}`).click();
    await page.locator(`vscode-single-select.${selectClass} li[role=option]`, { hasText: new RegExp(`^\\s*${optionText}\\s*$`) }).click();
  }

  /** Independent of the view's filter code: the fields a person sees, searched for one word. */
  function mentions(step: PlanStep, word: string): boolean {
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

  const actionable = (s: PlanStep) => s.action === 'create' || s.action === 'update';
  /** What the list shows by default: what will run or needs a person. */
  const relevant = (s: PlanStep) => s.action !== 'skip';
  const nameOf = (id: string) => view.steps.find((s) => s.id === id)!.facts!.name;

  /** The ids shown, checked to be the `expected` steps with each payment right under its order when that is shown. */
  async function assertListed(page: Page, expected: PlanStep[]): Promise<void> {
    const ids = await rowIds(page);
    assert.deepEqual([...ids].sort(), expected.map((s) => s.id).sort(), 'the steps listed');
    ids.forEach((id, i) => {
      const parent = view.steps.find((s) => s.id === id)!.facts?.parent;
      if (!parent || !ids.includes(parent)) return;
      const before = ids[i - 1];
      const siblingOrParent = before === parent || view.steps.find((s) => s.id === before)!.facts?.parent === parent;
      assert.ok(siblingOrParent, `${id} is listed under ${parent}`);
    });
  }

  it('posts ready, then says in one sentence what Apply will do, counts what happens, and lists what will run or needs a person', async () => {
    const panel = await openPanel();
    const { page } = panel;
    assert.deepEqual(await posted(page), [{ type: 'ready' }], 'only ready before the host speaks');
    const started = Date.now();
    await send(page, init());
    timings[`init to rows (${plan.steps.length} steps)`] = Date.now() - started;

    // The summary first, in words: the planner made 7 orders, 14 payments… to create in this account.
    const headline = plan.headline;
    const sentence = (await page.locator('h1.sentence').textContent())!;
    assert.match(sentence, new RegExp(`^Will create ${headline.orders!.create} orders, ${headline.payments!.create} payments, `));
    assert.match(sentence, new RegExp(`and update ${headline.contacts!.update} contacts in Keap \\(acme\\)\\.$`));
    assert.equal(
      await page.locator('.sentence-after').textContent(),
      "Nothing is deleted. 1 order needs your decision. 1 campaign can't be restored.",
    );
    // "Keap Vault Ref" is explained once, near the top.
    assert.match((await page.locator('.marker-note').textContent())!, /text custom field named "Keap Vault Ref"/);
    // Counts per kind of record, the unchanged ones folded into one line.
    assert.equal(
      await page.locator('.counts li[data-entity="orders"]').textContent(),
      `Orders: ${headline.orders!.create} to create · 1 needs your decision`,
    );
    // Identical records are counted in the plan, not listed: the line says how many.
    const unchanged = Object.values(headline).reduce((n, c) => n + c.skip, 0);
    const counted = Object.values(plan.identical ?? {}).reduce((n, c) => n + (c ?? 0), 0);
    const listedSkips = plan.steps.filter((s) => s.action === 'skip').length;
    assert.ok(counted > 100, 'the whole-account plan counts its identical records');
    assert.equal(unchanged, counted + listedSkips);
    assert.equal(
      await page.locator('.counts li.unchanged').textContent(),
      `${unchanged} records are already in the account and left as they are. ${listedSkips ? `${counted} of them are` : 'All are'} identical to the snapshot: counted, not listed.`,
    );

    // By default the list holds only what will run or needs a person, a payment under its order.
    await assertListed(page, plan.steps.filter(relevant));
    assert.match((await page.locator('.shown-count').textContent())!, new RegExp(`; ${plan.steps.length} in the plan`));
    const payment = view.steps.find((s) => s.entity === 'payments' && s.action === 'create' && s.facts?.parent)!;
    assert.match(payment.facts!.name, /^Payment of \$[\d,.]+ on .+'s order #\d+$/, 'a payment is named by its amount and order');
    assert.equal(await row(page, payment.id).locator('.record-label').textContent(), payment.facts!.name);

    // An update shows before -> after per field, in words.
    const update = view.steps.find((s) => s.action === 'update' && s.changes?.length)!;
    const change = update.facts!.changes![0];
    assert.equal(change.field, 'first name');
    assert.equal(
      await row(page, update.id).locator('ul.changes li').first().textContent(),
      `${change.field}: ${change.before} → becomes ${change.after}`,
    );
    // A likely duplicate: the reason in words (the code in the tooltip), the live order it matches, the choices.
    const conflict = plan.steps.find((s) => s.action === 'conflict')!;
    const reason = row(page, conflict.id).locator('.reason');
    assert.equal(await reason.textContent(), 'The account has an order that looks the same: is it this one?');
    assert.equal(await reason.getAttribute('title'), 'likely-duplicate');
    assert.equal((await row(page, conflict.id).locator('td.result').textContent())?.trim(), `matches live #${conflict.liveId}`);
    const blocked = plan.steps.find((s) => s.action === 'blocked')!;
    assert.equal(await row(page, blocked.id).locator('.reason').getAttribute('title'), blocked.reason);
    assert.match((await row(page, blocked.id).locator('.choices').textContent())!, /cannot create it/);
    await row(page, conflict.id)
      .locator('.choices button', { hasText: `Open order #${conflict.liveId} in the account` })
      .click();
    assert.deepEqual(
      (await posted(page)).find((m) => m.type === 'openRecord'),
      { type: 'openRecord', entity: 'orders', id: conflict.liveId, where: 'live' },
    );
    // The decision is also offered at the top: the same order (linked) or a different one (created); both re-plan.
    const decision = page.locator(`.attention.decisions li[data-step-id="${conflict.id}"]`);
    assert.match((await decision.textContent())!, new RegExp(`^${nameOf(conflict.id)}`));
    await decision.locator('vscode-button', { hasText: `Same order: link to #${conflict.liveId}` }).click();
    assert.deepEqual(
      (await posted(page)).find((m) => m.type === 'replan'),
      { type: 'replan', options: { resolutions: { [conflict.id]: 'link' } } },
    );
    // Each step names what it needs.
    const dependent = plan.steps.find((s) => s.action === 'create' && s.dependsOn.length > 1)!;
    assert.deepEqual(await row(page, dependent.id).locator('.depends button').allTextContents(), dependent.dependsOn.map(nameOf));
    // The risk callout, above Apply: what Keap does on its own (once per effect, not per row) and what cannot be undone.
    const risk = page.locator('section.risk');
    assert.match(
      (await risk.locator('.side-effects').textContent())!,
      new RegExp(`${headline.payments!.create} payments: The first payment`),
    );
    assert.equal(await page.locator('table.steps .side-effect').count(), 0, 'no side-effect sentence on the rows');
    assert.match((await risk.locator('.permanent').textContent())!, /Keap cannot delete a payment/);
    assert.ok(
      await page.evaluate(() => {
        const r = document.querySelector('section.risk') as unknown as { compareDocumentPosition(o: unknown): number };
        return (r.compareDocumentPosition(document.querySelector('.actions vscode-button.apply')) & 4) !== 0;
      }),
      'the risk callout comes before Apply',
    );
    // The plan's other notes are one click away.
    assert.match((await page.locator('details.plan-notes').textContent())!, /Transactions are not restored/);
    // The codicon font loads under font-src.
    assert.ok((await page.evaluate(() => document.fonts.load('16px codicon'))).length > 0, 'codicon font loaded');
    assertClean(panel);
  });

  it('shows no internal code, id or ISO time as text: every name comes from the label map or the records', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, init());
    const codes = internalCodes();
    assert.ok(codes.includes('custom_fields') && codes.includes('missing-in-live') && codes.includes('present-differs'));
    const check = async (when: string) => {
      const text = await page.evaluate(() => document.body.innerText);
      for (const code of codes) assert.ok(!text.includes(code), `${when}: "${code}" is shown`);
      const stepId =
        /\b(?:custom_fields|tags|companies|contacts|products|subscription_plans|orders|payments|contact_tags|subscriptions|campaigns):[\w:]+/.exec(
          text,
        );
      assert.equal(stepId?.[0], undefined, `${when}: a step id is shown`);
      const iso = /\d{4}-\d\d-\d\dT\d\d:\d\d/.exec(text);
      assert.equal(iso?.[0], undefined, `${when}: an ISO time is shown`);
      assert.ok(!/marker:[A-Z]/.test(text), `${when}: a marker id is shown`);
    };
    await check('the plan');
    // Every step, unchanged ones included.
    await chooseOption(page, 'action-filter', 'All steps');
    assert.equal((await rowIds(page)).length, plan.steps.length);
    await check('every step');
    // After an apply, with its receipt.
    const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create')!;
    await send(page, { type: 'applyStarted', total: 1 });
    await send(page, { type: 'progress', stepId: order.id, status: 'done', newId: '9100' });
    await send(page, { type: 'receipt', receipt: receiptFor([{ entity: 'orders', oldId: order.oldId, newId: '9100' }]) });
    await check('the result');
    assertClean(panel);
  });

  /** A receipt of an apply that created the records of `idMap`, verified. */
  function receiptFor(idMap: Receipt['idMap']): Receipt {
    return {
      ...emptyReceipt(plan.planId, '2026-11-26T12:00:00.000Z'),
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
    assert.equal(await prop<string>(page.locator('vscode-single-select.action-filter'), 'value'), 'relevant');

    const textFilter = page.locator('vscode-textfield.text-filter input');
    await textFilter.fill('invoice');
    const byText = plan.steps.filter((s) => relevant(s) && mentions(s, 'invoice'));
    assert.ok(byText.length > 1 && byText.length < plan.steps.length);
    await assertListed(page, byText);

    await chooseOption(page, 'action-filter', 'Create');
    const both = byText.filter((s) => s.action === 'create');
    assert.ok(both.length > 0 && both.length < byText.length);
    await assertListed(page, both);

    await textFilter.fill('');
    await assertListed(
      page,
      plan.steps.filter((s) => s.action === 'create'),
    );

    await textFilter.fill('no step has this text');
    assert.deepEqual(await rowIds(page), []);
    assert.equal(await page.locator('table.steps tbody tr.empty').count(), 1);

    await page.locator('.counts li[data-entity="orders"] button', { hasText: 'to create' }).click();
    await assertListed(
      page,
      plan.steps.filter((s) => s.entity === 'orders' && s.action === 'create'),
    );
    assert.equal(await prop<string>(page.locator('vscode-single-select.entity-filter'), 'value'), 'orders');
    assert.equal(await prop<string>(page.locator('vscode-textfield.text-filter'), 'value'), '', 'a count clears the text filter');
    // The unchanged records are one click away when the plan lists any; this one counts them all
    // (identical), so the line offers no link to an empty list.
    const listedSkips = plan.steps.filter((s) => s.action === 'skip');
    assert.equal(listedSkips.length, 0, 'every unchanged record of this plan is identical');
    assert.equal(await page.locator('.counts li.unchanged button').count(), 0);
    await chooseOption(page, 'entity-filter', 'All kinds of record');

    // Sorting by action puts what needs a person first.
    await chooseOption(page, 'action-filter', 'Will run or needs you');
    await page.locator('th[data-sort="action"] button').click();
    const firstTwo = (await rowIds(page)).slice(0, 2).map((id) => plan.steps.find((s) => s.id === id)!.action);
    assert.deepEqual(firstTwo, ['conflict', 'blocked']);
    assert.equal(await page.locator('th[data-sort="action"]').getAttribute('aria-sort'), 'ascending');
    assertClean(panel);
  });

  it('renders records named <img onerror> and <script> as text and runs nothing; the CSP blocks injected markup', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, init());
    for (const [stepId, payload] of [
      [fx.hostileSteps.img, HOSTILE_IMG],
      [fx.hostileSteps.script, HOSTILE_SCRIPT],
    ]) {
      assert.equal(nameOf(stepId), payload, 'the host names the contact by its (hostile) name');
      assert.equal(await row(page, stepId).locator('.record-label').textContent(), payload, 'name shown literally');
      // Its order is named after it, literally too.
      const order = view.steps.find((s) => s.entity === 'orders' && s.action === 'create' && s.dependsOn.includes(stepId))!;
      assert.equal(await row(page, order.id).locator('.record-label').textContent(), `${payload}'s order #${order.oldId}`);
    }
    // Filtering by the payload text still finds it (it is data, not markup).
    await page.locator('vscode-textfield.text-filter input').fill('<script>window.__pwned');
    assert.deepEqual(
      [...(await rowIds(page))].sort(),
      plan.steps
        .filter((s) => relevant(s) && mentions(s, '<script>window.__pwned'))
        .map((s) => s.id)
        .sort(),
    );
    assert.equal(await page.locator('main img').count(), 0, 'no img element was made');
    assert.equal(await page.locator('main script').count(), 0, 'no script element was made');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assertClean(panel);

    // Defence in depth: markup that does get into the page cannot run either.
    await page.evaluate((img) => {
      document.body.insertAdjacentHTML('beforeend', img);
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 3';
      document.body.append(script);
    }, HOSTILE_IMG);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const directives = [...new Set(panel.csp.map((v) => v.directive))].sort();
    assert.deepEqual(directives, ['script-src-attr', 'script-src-elem'], 'the deliberate injections were refused by the CSP');
    assertClean(panel, ['script-src-attr', 'script-src-elem']);
  });

  it('disables Apply for a stale or unreadable plan and enables it for a fresh one', async () => {
    const panel = await openPanel();
    const { page } = panel;
    const applyButton = page.locator('.actions vscode-button.apply');
    await send(page, init(view, { stale: { reason: 'contacts 7 changed' } }));
    assert.equal(await prop<boolean>(applyButton, 'disabled'), true);
    assert.match((await page.locator('.banner.stale').textContent())!, /contacts 7 changed/);
    await applyButton.click({ force: true });
    assert.ok(!(await posted(page)).some((m) => m.type === 'apply'), 'no apply for a stale plan');

    await send(page, init());
    assert.equal(await prop<boolean>(applyButton, 'disabled'), false);
    assert.equal(await page.locator('.banner.stale').count(), 0);

    await send(page, { type: 'stale', reason: 'orders 12 deleted' });
    assert.equal(await prop<boolean>(applyButton, 'disabled'), true);
    assert.match((await page.locator('.apply-blocker').textContent())!, /orders 12 deleted/);
    await page.locator('.banner.stale vscode-button').click();
    assert.deepEqual(
      (await posted(page)).find((m) => m.type === 'replan'),
      { type: 'replan', options: {} },
    );

    await send(page, init({ ...view, formatVersion: '3.0' }));
    assert.equal(await prop<boolean>(applyButton, 'disabled'), true, 'a plan of an unknown major version');
    assert.match((await page.locator('.banner.error').textContent())!, /format 3\.0/);
    assert.ok(!(await posted(page)).some((m) => m.type === 'apply'));
    assertClean(panel);
  });

  it('posts apply with the selected subset and changes nothing until the host says the apply started', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, init());
    assert.match(
      (await page.locator('.selection-summary').textContent())!,
      new RegExp(`^Selected: create ${plan.headline.orders!.create} orders, .*; update ${plan.headline.contacts!.update} contacts\\.$`),
    );

    // Dropping a contact drops what needs it (its orders, their payments, its tags), transitively.
    const dropped = new Set([fx.hostileSteps.img]);
    for (let grew = true; grew;) {
      grew = false;
      for (const s of plan.steps) if (!dropped.has(s.id) && s.dependsOn.some((d) => dropped.has(d))) grew = dropped.add(s.id) !== undefined;
    }
    assert.ok(dropped.size > 2, 'the contact has dependents');
    const box = row(page, fx.hostileSteps.img).locator('input[type=checkbox]');
    assert.equal(await box.getAttribute('aria-label'), `Restore ${HOSTILE_IMG}`, 'the box is named for its record');
    await box.click();
    for (const id of dropped)
      assert.equal(await prop<boolean>(row(page, id).locator('input[type=checkbox]'), 'checked'), false, `${id} unselected`);
    const expected = plan.steps.filter((s) => actionable(s) && !dropped.has(s.id));

    // Apply asks the host, which confirms in VS Code's own modal: the page draws no dialog and changes nothing yet.
    const applyButton = page.locator('.actions vscode-button.apply');
    await applyButton.click();
    assert.equal(await page.locator('dialog').count(), 0, 'no confirmation drawn in the page');
    const applied = (await posted(page)).filter((m) => m.type === 'apply');
    assert.deepEqual(applied, [{ type: 'apply', stepIds: expected.map((s) => s.id) }]);
    assert.equal(await prop<boolean>(applyButton, 'disabled'), false, 'a Cancel in the modal leaves the page as it was');
    assert.equal(await prop<boolean>(row(page, expected[0].id).locator('input[type=checkbox]'), 'disabled'), false);

    await send(page, { type: 'applyStarted', total: expected.length });
    assert.equal(await prop<boolean>(applyButton, 'disabled'), true, 'no second apply while one runs');
    assert.equal(await page.locator('.actions vscode-button.cancel').count(), 1);
    assert.equal(await prop<boolean>(row(page, expected[0].id).locator('input[type=checkbox]'), 'disabled'), true);
    assert.match((await page.locator('h1.sentence').textContent())!, /^Restoring: Will create/);

    // A refused apply (e.g. found stale by the host) re-enables the panel with the reason.
    await send(page, { type: 'error', message: 'The account changed since the plan was made. Make a new plan.' });
    assert.match((await page.locator('.banner.error').textContent())!, /Make a new plan/);
    assert.equal(await prop<boolean>(applyButton, 'disabled'), false);
    assertClean(panel);
  });

  it('fills the result column from the progress of a real apply, then turns the header into the result', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, init());
    assert.equal(await page.locator('vscode-button.export-csv').count(), 0, 'no id map to export before anything was applied');
    await page.locator('.actions vscode-button.apply').click();
    const request = (await posted(page)).find((m): m is Extract<WebviewToHost, { type: 'apply' }> => m.type === 'apply')!;
    assert.deepEqual(
      request.stepIds,
      plan.steps.filter(actionable).map((s) => s.id),
    );
    await send(page, { type: 'applyStarted', total: request.stepIds.length });

    // The host's part, in short: run the applier and forward what it reports.
    // Delivered one after another, in the order reported, as the host's message queue would.
    const reports: ApplyProgress[] = [];
    let delivered = Promise.resolve();
    const started = Date.now();
    const receipt: Receipt = await apply(fx.fixture, plan, {
      onProgress: (p) => {
        reports.push(p);
        delivered = delivered.then(() =>
          send(page, {
            type: 'progress',
            stepId: p.step.id,
            status: p.status,
            newId: p.newId,
            message: p.message,
            index: p.index,
            total: p.total,
          }),
        );
      },
    });
    await delivered;
    timings[`apply + ${reports.length} progress messages`] = Date.now() - started;
    assert.deepEqual(receipt.failed, []);

    const created = reports.filter((p) => p.status === 'done' && p.newId);
    assert.ok(created.length >= 20, 'creates reported new ids');
    for (const p of created) {
      const result = row(page, p.step.id).locator('td.result');
      assert.equal(
        (await result.locator('.new-id').textContent())?.trim(),
        `${p.step.action === 'create' ? 'created as' : 'live'} #${p.newId}`,
        `${p.step.id} new id`,
      );
      assert.match((await result.locator('.status').textContent())!, /Done/);
    }
    assert.match((await page.locator('.progress-text').textContent())!, /^Applying: \d+ of \d+ steps/);

    await send(page, { type: 'receipt', receipt });
    assert.match((await page.locator('.progress-text').textContent())!, /^Finished/);
    // The header is now the result, in words, with what to do next.
    const orders = receipt.idMap.filter((e) => e.entity === 'orders').length;
    const payments = receipt.idMap.filter((e) => e.entity === 'payments').length;
    const checked = receipt.verification.checked;
    assert.match(
      (await page.locator('header.result h1').textContent())!,
      new RegExp(`^ Restored ${orders} orders, ${payments} payments, .* · verified ${checked}/${checked}$`),
    );
    assert.match((await page.locator('header.result .sentence-after').textContent())!, /^In Keap \(acme\), finished /);
    assert.equal(await page.locator('.actions').isVisible(), false, 'no Apply bar for an applied plan');
    assert.equal(await page.locator('section.risk').isVisible(), false);
    const receiptText = (await page.locator('section.receipt').textContent())!;
    assert.match(receiptText, new RegExp(`Created${receipt.created}`));
    assert.match(receiptText, new RegExp(`Updated${receipt.updated}`));
    assert.match(receiptText, new RegExp(`Verified: ${checked} records read back from Keap match the snapshot`));
    assert.doesNotMatch(receiptText, /\d{4}-\d\d-\d\dT/, 'receipt times are local, not ISO');
    for (const entry of receipt.idMap) {
      const cell = row(page, `${entry.entity}:${entry.oldId}`).locator('td.result .new-id');
      if (await cell.count()) assert.match((await cell.textContent())!, new RegExp(`#${entry.newId}$`));
    }

    await page.locator('header.result vscode-button.export-csv').click();
    await page.locator('header.result vscode-button.export-json').click();
    await page.locator('header.result vscode-button.compare-live').click();
    assert.deepEqual(
      (await posted(page)).filter((m) => m.type === 'exportIdMap' || m.type === 'compareWithLive'),
      [{ type: 'exportIdMap', format: 'csv' }, { type: 'exportIdMap', format: 'json' }, { type: 'compareWithLive' }],
    );
    assertClean(panel);
  });

  it('counts records that differ apart from unchanged ones, and lists linked records, conflicts and duplicates in the receipt', async () => {
    const panel = await openPanel();
    const { page } = panel;
    // The same plan as made without "update existing": its updates become skips that say what differs.
    const asSkips: PlanView['steps'] = view.steps.map((s) =>
      s.action === 'update' ? { ...s, action: 'skip', reason: 'present-differs' } : s,
    );
    const differing = asSkips.filter((s) => s.action === 'skip' && s.changes?.length).length;
    assert.ok(differing > 0);
    await send(page, init({ ...view, options: { ...view.options, updateExisting: false }, steps: asSkips }));
    assert.match(
      (await page.locator('section.differs').textContent())!,
      new RegExp(`${differing} records in the account differ from the snapshot and will be left as they are.*update existing`),
    );

    const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create')!;
    const contact = plan.steps.find((s) => s.entity === 'contacts' && s.action === 'create')!;
    const receipt: Receipt = {
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
    assert.match((await page.locator('header.result h1').textContent())!, /1 held as a conflict, 1 restored twice/);
    const text = (await page.locator('section.receipt').textContent())!;
    assert.match(text, /Receipt: applied with problems/);
    assert.match(text, /Already in Keap \(linked\)1/);
    assert.match(text, /Held as conflicts1/);
    assert.ok(text.includes(`${nameOf(contact.id)}: #9001: contacts 9001 appeared in the account since the plan`));
    assert.ok(text.includes(`${nameOf(order.id)}: order 9002 was created in the account since the plan`));
    assert.ok(text.includes(`${nameOf(order.id)} is in Keap 2 times (#9003, #9004)`));
    assertClean(panel);
  });

  it('restores filter, sort, selection and progress from getState after a reload', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, init());
    await page.locator('vscode-textfield.text-filter input').fill('orders');
    await page.locator('th[data-sort="label"] button').click();
    const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create' && !s.dependsOn.includes(fx.hostileSteps.img))!;
    await row(page, order.id).locator('input[type=checkbox]').click();
    await send(page, { type: 'progress', stepId: order.id, status: 'failed', message: 'Keap said no' });
    const dependentPayment = plan.steps.find((s) => s.dependsOn.includes(order.id))!;
    await send(page, { type: 'progress', stepId: dependentPayment.id, status: 'done', newId: '990001' });
    // The state also goes to the host (for its serializer).
    await page.waitForFunction(
      (id) => window.__posted.some((m) => m.type === 'setState' && m.state.progress[id]?.newId === '990001'),
      dependentPayment.id,
    );
    const shownBefore = await rowIds(page);
    const hostCopy = [...(await posted(page))]
      .reverse()
      .find((m): m is Extract<WebviewToHost, { type: 'setState' }> => m.type === 'setState')!.state;
    assert.equal(hostCopy.filter.text, 'orders');
    assert.ok(!hostCopy.selected.includes(order.id));

    await page.reload();
    await waitForPosted(page, 'ready');
    // Drawn from getState alone, before the host says anything: the names too.
    await page.locator('table.steps tbody tr.step').first().waitFor();
    assert.equal(await prop<string>(page.locator('vscode-textfield.text-filter'), 'value'), 'orders');
    assert.equal(await page.locator('th[data-sort="label"]').getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await rowIds(page), shownBefore);
    assert.equal(await row(page, order.id).locator('.record-label').textContent(), nameOf(order.id));
    assert.match((await page.locator('h1.sentence').textContent())!, /in Keap \(acme\)/);
    assert.equal(await prop<boolean>(row(page, order.id).locator('input[type=checkbox]'), 'checked'), false);
    assert.equal((await row(page, dependentPayment.id).locator('td.result .new-id').textContent())?.trim(), 'created as #990001');
    assert.match((await row(page, order.id).locator('td.result').textContent())!, /Failed\s*Keap said no/);

    // The host's init for the same plan keeps what the user did.
    await send(page, init());
    assert.equal(await prop<string>(page.locator('vscode-textfield.text-filter'), 'value'), 'orders');
    assert.deepEqual(await rowIds(page), shownBefore);
    // A host copy (serializer) is used when the webview has none, e.g. another plan's state was saved.
    const other = syntheticPlan(3);
    const hostState: PlanViewState = {
      ...hostCopy,
      planId: other.planId,
      filter: { text: 'Person 2', action: 'all', entity: 'all' },
      selected: [],
      progress: {},
      receipt: undefined,
    };
    await send(page, init(other, { state: hostState }));
    assert.deepEqual(await rowIds(page), ['contacts:2']);
    assert.equal(new Set(server!.nonces).size, server!.nonces.length, 'a fresh nonce per load');
    assertClean(panel);
  });

  it('draws a 10,000-step plan a page at a time, and keeps only its UI state across a reload', async () => {
    const panel = await openPanel();
    const { page } = panel;
    const big = syntheticPlan(5_000);
    // Timed in the page: handing 10,000 steps to the page over the DevTools protocol is the test's cost, not the view's.
    await page.evaluate((p) => {
      window.__plan = p;
    }, big);
    timings['init to rows (10,000 steps, in page)'] = Math.round(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const t0 = performance.now();
            window.addEventListener('message', () => resolve(performance.now() - t0), { once: true });
            window.postMessage({ type: 'init', plan: window.__plan }, '*');
          }),
      ),
    );
    assert.equal((await rowIds(page)).length, PAGE_SIZE);
    await page.locator('vscode-button.more').click();
    assert.equal((await rowIds(page)).length, 2 * PAGE_SIZE);
    const started = Date.now();
    await page.locator('vscode-textfield.text-filter input').fill('Person 4999');
    timings['filter 10,000 steps'] = Date.now() - started;
    assert.deepEqual(await rowIds(page), ['contacts:4999']);
    // Dropping the shown contact drops the order that needs it; choosing the order brings both back.
    await page.locator('table.steps thead input[type=checkbox]').click();
    assert.equal(await page.locator('.selection-summary').textContent(), 'Selected: create 4,999 orders and 4,999 contacts.');
    await page.locator('vscode-textfield.text-filter input').fill('orders:104999');
    assert.deepEqual(await rowIds(page), ['orders:104999']);
    await row(page, 'orders:104999').locator('input[type=checkbox]').click();
    assert.equal(await page.locator('.selection-summary').textContent(), 'Selected: create 5,000 orders and 5,000 contacts.');

    // Too big to copy into setState on every change: the UI state is kept, the plan comes from the host again.
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'setState' && m.state.filter.text === 'orders:104999'));
    assert.ok(
      Number(await page.evaluate('sessionStorage.getItem("keap-vault-webview-state").length')) < 1_000_000,
      'saved state stays small',
    );
    await page.reload();
    await waitForPosted(page, 'ready');
    assert.equal(await page.locator('table.steps').count(), 0, 'nothing drawn before init');
    await send(page, { type: 'init', plan: big });
    assert.equal(await prop<string>(page.locator('vscode-textfield.text-filter'), 'value'), 'orders:104999');
    assert.deepEqual(await rowIds(page), ['orders:104999']);
    assertClean(panel);
  });

  it("shows a likely duplicate order beside the snapshot's, from what the host reads, for the link-or-create decision", async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, init());
    const conflict = plan.steps.find((s) => s.action === 'conflict')!;
    const decision = page.locator(`.attention.decisions li[data-step-id="${conflict.id}"]`);
    await decision.locator('vscode-button.compare-look-alike').click();
    assert.deepEqual(
      (await posted(page)).filter((m) => m.type === 'compareLookAlike'),
      [{ type: 'compareLookAlike', stepId: conflict.id }],
    );
    // The host's part: the snapshot's order and its payments, the live order and its payments, as rows of words.
    const saved = orderDetails(fx.fixture.snapshot, conflict.oldId)!;
    const live = await fx.fixture.client.orders.get(conflict.liveId!);
    const livePayments: PaymentSeen[] = [];
    for await (const p of fx.fixture.client.orders.payments(conflict.liveId!)) livePayments.push({ amount: p.amount, time: p.pay_time });
    const sides: [LookAlikeSide, LookAlikeSide] = [
      orderSide(
        `In the snapshot: order #${conflict.oldId}`,
        saved.order,
        saved.payments.map((p) => ({ amount: p.amount })),
        'en',
      ),
      orderSide(`In the account: order #${conflict.liveId}`, live, livePayments, 'en'),
    ];
    await send(page, { type: 'lookAlike', stepId: conflict.id, sides });
    const table = decision.locator('table.look-alike');
    assert.deepEqual(await table.locator('thead th').allTextContents(), [
      `In the snapshot: order #${conflict.oldId}`,
      `In the account: order #${conflict.liveId}`,
    ]);
    const rowOf = (label: string) => table.locator('tbody tr', { has: page.locator('th', { hasText: label }) });
    // The planner matched them on contact, items and total: those read the same; the invoice is Keap's own per order.
    for (const same of ['Contact', 'Items', 'Total']) {
      const cells = await rowOf(same).locator('td').allTextContents();
      assert.equal(cells[0], cells[1], `${same} is the same`);
      assert.ok(!(await rowOf(same).getAttribute('class'))?.includes('differs'), `${same} is not marked as different`);
    }
    assert.match((await rowOf('Items').locator('td').first().textContent())!, /^\d+ × .+ at \$[\d,.]+/);
    const invoice = await rowOf('Invoice').locator('td').allTextContents();
    assert.notEqual(invoice[0], invoice[1]);
    assert.match((await rowOf('Invoice').locator('th').textContent())!, /differs$/);
    assertClean(panel);
  });

  it('is one Tab stop as a grid: arrows move between cells, Space ticks a box, Enter goes into a cell', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, init());
    const grid = page.locator('table.steps');
    assert.equal(await grid.getAttribute('role'), 'grid');
    // Exactly one element of the grid is in the Tab order.
    const tabbable = await grid.evaluate(
      (t) =>
        Array.from((t as unknown as { querySelectorAll(s: string): ArrayLike<{ tabIndex: number }> }).querySelectorAll('*')).filter(
          (e) => e.tabIndex >= 0,
        ).length,
    );
    assert.equal(tabbable, 1, 'one Tab stop for the whole grid');
    const first = plan.steps.filter(relevant)[0];
    await page.locator('table.steps thead th.select').focus();
    await page.keyboard.press('ArrowDown');
    const box = row(page, first.id).locator('input[type=checkbox]');
    assert.equal(await prop<boolean>(box, 'checked'), true);
    await page.keyboard.press(' ');
    assert.equal(await prop<boolean>(box, 'checked'), false, 'Space on the cell ticks its box');
    await page.keyboard.press(' ');
    // To the record cell: Enter opens the snapshot's record (its one control).
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('td.record')));
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'openRecord').at(-1), {
      type: 'openRecord',
      entity: first.entity,
      id: first.oldId,
      where: 'snapshot',
    });
    assertClean(panel);
  });

  for (const theme of Object.keys(THEMES) as Array<keyof typeof THEMES>) {
    it(`has no serious or critical accessibility violation (axe-core) in ${theme}, before and after Apply`, async () => {
      const panel = await openPanel();
      const { page } = panel;
      await page.evaluate((vars) => {
        for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
      }, THEMES[theme]);
      await send(page, init());
      const audit = async (when: string) => assert.deepEqual(await seriousViolations(page), [], `${theme}, ${when}`);
      // With a likely duplicate shown side by side.
      const conflict = plan.steps.find((s) => s.action === 'conflict')!;
      const side = (heading: string, status: string): LookAlikeSide => ({
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
      const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create')!;
      await send(page, { type: 'applyStarted', total: 1 });
      await send(page, { type: 'progress', stepId: order.id, status: 'done', newId: '9100' });
      await send(page, { type: 'receipt', receipt: receiptFor([{ entity: 'orders', oldId: order.oldId, newId: '9100' }]) });
      await audit('the result');
      // axe adds <style> elements of its own while it measures; the page's CSP refuses them (the other tests check the page's own).
      assertClean(panel, ['style-src-elem']);
    });
  }
});
