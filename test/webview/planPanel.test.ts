/**
 * The restore-plan webview in headless Chromium, served under the panel's real CSP with the real
 * bundle (see support/planPage). The plan comes from the real planner over a damaged emulator
 * account, and the progress test feeds the page what the real applier reports.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { ApplyProgress, Receipt } from '../../src/core/restore/applier';
import type { PlanAction, PlanStep, RestorePlan } from '../../src/core/restore/plan';
import type { HostToWebview, PlanViewState, WebviewToHost } from '../../src/webview/protocol';
import { apply } from '../unit/restore/support';
import { closeTestAccounts } from '../unit/support/emulator';
import { findChromium, launchChromium } from './support/browser';
import { HOSTILE_IMG, HOSTILE_SCRIPT, hostilePlan, syntheticPlan, type HostilePlan } from './support/planFixture';
import { servePlanPage, type PlanPage } from './support/planPage';

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
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (e: { violatedDirective: string; effectiveDirective?: string; blockedURI: string; sample: string }) => void,
    capture: boolean,
  ): void;
  body: { insertAdjacentHTML(position: 'beforeend', html: string): void; append(node: unknown): void };
  createElement(tag: 'script'): { textContent: string };
  fonts: { load(font: string): Promise<unknown[]> };
}
declare const window: PageWindow;
declare const document: PageDocument;

const PAGE_SIZE = 250;
const ACTIONS: PlanAction[] = ['create', 'update', 'skip', 'conflict', 'blocked'];

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
  const timings: Record<string, number> = {};
  const panels: Panel[] = [];

  before(async function () {
    const chromium = findChromium();
    if (!chromium) this.skip();
    fx = await hostilePlan();
    plan = fx.plan;
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
    // Confirmation must be the page's own dialog: a native one (window.confirm) fails the test.
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
    const fields = [
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

  it('posts ready, then renders the headline per entity and action and every step', async () => {
    const panel = await openPanel();
    const { page } = panel;
    assert.deepEqual(await posted(page), [{ type: 'ready' }], 'only ready before the host speaks');
    const started = Date.now();
    await send(page, { type: 'init', plan });
    timings[`init to rows (${plan.steps.length} steps)`] = Date.now() - started;

    for (const [entity, counts] of Object.entries(plan.headline)) {
      for (const action of ACTIONS) {
        const cell = page.locator(`table.headline tbody tr[data-entity="${entity}"] td[data-action="${action}"]`);
        assert.equal((await cell.textContent())?.trim(), String(counts[action]), `${entity} ${action}`);
      }
    }
    for (const action of ACTIONS) {
      const total = Object.values(plan.headline).reduce((n, c) => n + c[action], 0);
      assert.equal(
        (await page.locator(`table.headline tfoot td[data-action="${action}"]`).textContent())?.trim(),
        String(total),
        `total ${action}`,
      );
    }
    assert.deepEqual(
      await rowIds(page),
      plan.steps.slice(0, PAGE_SIZE).map((s) => s.id),
      'rows in plan order',
    );
    assert.match((await page.locator('.shown-count').textContent())!, new RegExp(`of ${plan.steps.length} matching`));

    // An update shows before -> after per field.
    const update = plan.steps.find((s) => s.action === 'update' && s.changes?.length)!;
    const change = update.changes![0];
    const changeText = await row(page, update.id).locator('ul.changes li').first().textContent();
    assert.equal(changeText, `${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`);
    // Conflicts and blocked steps show their reason and the choices.
    const conflict = plan.steps.find((s) => s.action === 'conflict')!;
    assert.equal(await row(page, conflict.id).locator('.reason').textContent(), 'likely-duplicate');
    assert.match((await row(page, conflict.id).locator('.choices').textContent())!, new RegExp(`Open live record ${conflict.liveId}`));
    const blocked = plan.steps.find((s) => s.action === 'blocked')!;
    assert.equal(await row(page, blocked.id).locator('.reason').textContent(), blocked.reason);
    assert.match((await row(page, blocked.id).locator('.choices').textContent())!, /cannot create it/);
    await row(page, conflict.id).locator('.choices button', { hasText: 'Open live record' }).click();
    assert.deepEqual(
      (await posted(page)).find((m) => m.type === 'openRecord'),
      { type: 'openRecord', entity: 'orders', id: conflict.liveId, where: 'live' },
    );
    // A likely duplicate can be declared the same order (linked) or a different one (created): both re-plan.
    await row(page, conflict.id).locator('.choices vscode-button', { hasText: 'Same order: link to live order' }).click();
    assert.deepEqual(
      (await posted(page)).find((m) => m.type === 'replan'),
      { type: 'replan', options: { resolutions: { [conflict.id]: 'link' } } },
    );
    // Each step names what it depends on.
    const dependent = plan.steps.find((s) => s.dependsOn.length > 1)!;
    assert.deepEqual(await row(page, dependent.id).locator('td.depends button').allTextContents(), dependent.dependsOn);
    // Side effects of the selected writes are summarised; plan warnings listed.
    assert.ok((await page.locator('.side-effects li').count()) > 0, 'side effects listed');
    assert.match((await page.locator('.warnings').textContent())!, /Transactions are not restored/);
    // The codicon font loads under font-src.
    assert.ok((await page.evaluate(() => document.fonts.load('16px codicon'))).length > 0, 'codicon font loaded');
    assertClean(panel);
  });

  it('filters by text and by action, and a headline count filters to its entity and action', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, { type: 'init', plan });

    const textFilter = page.locator('vscode-textfield.text-filter input');
    await textFilter.fill('invoice');
    const byText = plan.steps.filter((s) => mentions(s, 'invoice'));
    assert.ok(byText.length > 1 && byText.length < plan.steps.length);
    assert.deepEqual(
      await rowIds(page),
      byText.map((s) => s.id),
    );

    await chooseOption(page, 'action-filter', 'create');
    const both = byText.filter((s) => s.action === 'create');
    assert.ok(both.length > 0 && both.length < byText.length);
    assert.deepEqual(
      await rowIds(page),
      both.map((s) => s.id),
    );

    await textFilter.fill('');
    assert.deepEqual(
      await rowIds(page),
      plan.steps.filter((s) => s.action === 'create').map((s) => s.id),
    );

    await textFilter.fill('no step has this text');
    assert.deepEqual(await rowIds(page), []);
    assert.equal(await page.locator('table.steps tbody tr.empty').count(), 1);

    await page.locator('table.headline tbody tr[data-entity="orders"] td[data-action="create"] button').click();
    assert.deepEqual(
      await rowIds(page),
      plan.steps.filter((s) => s.entity === 'orders' && s.action === 'create').map((s) => s.id),
    );
    assert.equal(await prop<string>(page.locator('vscode-single-select.entity-filter'), 'value'), 'orders');
    assert.equal(await prop<string>(page.locator('vscode-textfield.text-filter'), 'value'), '', 'the headline clears the text filter');

    // Sorting by action puts what needs a person first.
    await chooseOption(page, 'action-filter', 'All actions');
    await chooseOption(page, 'entity-filter', 'All entities');
    await page.locator('th[data-sort="action"] button').click();
    const firstTwo = (await rowIds(page)).slice(0, 2).map((id) => plan.steps.find((s) => s.id === id)!.action);
    assert.deepEqual(firstTwo, ['conflict', 'blocked']);
    assert.equal(await page.locator('th[data-sort="action"]').getAttribute('aria-sort'), 'ascending');
    assertClean(panel);
  });

  it('renders records named <img onerror> and <script> as text and runs nothing; the CSP blocks injected markup', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, { type: 'init', plan });
    for (const stepId of [fx.hostileSteps.img, fx.hostileSteps.script]) {
      const step = plan.steps.find((s) => s.id === stepId)!;
      assert.equal(await row(page, stepId).locator('.record-label').textContent(), step.label, 'label shown literally');
      assert.equal(await row(page, stepId).locator('.detail-text').textContent(), step.detail, 'detail shown literally');
    }
    assert.ok(plan.steps.find((s) => s.id === fx.hostileSteps.img)!.label!.includes(HOSTILE_IMG.slice(0, 12)));
    assert.ok(plan.steps.find((s) => s.id === fx.hostileSteps.script)!.label!.includes(HOSTILE_SCRIPT));
    // Filtering by the payload text still finds it (it is data, not markup).
    await page.locator('vscode-textfield.text-filter input').fill('<script>window.__pwned');
    assert.deepEqual(
      await rowIds(page),
      plan.steps.filter((s) => mentions(s, '<script>window.__pwned')).map((s) => s.id),
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
    await send(page, { type: 'init', plan, stale: { reason: 'contacts 7 changed' } });
    assert.equal(await prop<boolean>(applyButton, 'disabled'), true);
    assert.match((await page.locator('.banner.stale').textContent())!, /contacts 7 changed/);
    await applyButton.click({ force: true });
    assert.equal(await page.locator('dialog.confirm').isVisible(), false, 'no confirmation for a stale plan');

    await send(page, { type: 'init', plan });
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

    await send(page, { type: 'init', plan: { ...plan, formatVersion: '2.0' } });
    assert.equal(await prop<boolean>(applyButton, 'disabled'), true, 'a plan of an unknown major version');
    assert.match((await page.locator('.banner.error').textContent())!, /format 2\.0/);
    assert.ok(!(await posted(page)).some((m) => m.type === 'apply'));
    assertClean(panel);
  });

  it('asks for confirmation with the counts and posts apply with the selected subset', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, { type: 'init', plan });
    const total = (a: PlanAction) => Object.values(plan.headline).reduce((n, c) => n + c[a], 0);
    assert.equal(
      await page.locator('.selection-summary').textContent(),
      `${total('create')} create(s), ${total('update')} update(s) selected`,
    );

    // Dropping a contact drops what needs it (its orders, their payments, its tags), transitively.
    const dropped = new Set([fx.hostileSteps.img]);
    for (let grew = true; grew;) {
      grew = false;
      for (const s of plan.steps) if (!dropped.has(s.id) && s.dependsOn.some((d) => dropped.has(d))) grew = dropped.add(s.id) !== undefined;
    }
    assert.ok(dropped.size > 2, 'the contact has dependents');
    await row(page, fx.hostileSteps.img).locator('vscode-checkbox').click();
    for (const id of dropped)
      assert.equal(await prop<boolean>(row(page, id).locator('vscode-checkbox'), 'checked'), false, `${id} unselected`);
    const expected = plan.steps.filter((s) => actionable(s) && !dropped.has(s.id));
    const creates = expected.filter((s) => s.action === 'create').length;
    const updates = expected.filter((s) => s.action === 'update').length;

    const applyButton = page.locator('.actions vscode-button.apply');
    await applyButton.click();
    const dialog = page.locator('dialog.confirm');
    assert.equal(await dialog.isVisible(), true);
    assert.equal(
      await dialog.locator('.confirm-counts').textContent(),
      `${creates} create(s) and ${updates} update(s) will be written to ${plan.account}.`,
    );
    await dialog.locator('vscode-button.confirm-cancel').click();
    assert.equal(await dialog.isVisible(), false);
    assert.ok(!(await posted(page)).some((m) => m.type === 'apply'), 'nothing posted without confirmation');

    await applyButton.click();
    await dialog.locator('vscode-button.confirm-apply').click();
    const applied = (await posted(page)).filter((m) => m.type === 'apply');
    assert.deepEqual(applied, [{ type: 'apply', stepIds: expected.map((s) => s.id) }]);
    assert.equal(await prop<boolean>(applyButton, 'disabled'), true, 'no second apply while one runs');
    assert.equal(await page.locator('.actions vscode-button.cancel').count(), 1);

    // A refused apply (e.g. found stale by the host) re-enables the panel with the reason.
    await send(page, { type: 'error', message: 'The account changed since the plan was made. Make a new plan.' });
    assert.match((await page.locator('.banner.error').textContent())!, /Make a new plan/);
    assert.equal(await prop<boolean>(applyButton, 'disabled'), false);
    assertClean(panel);
  });

  it('fills the new-id column from the progress of a real apply, then shows the receipt and verification', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, { type: 'init', plan });
    await page.locator('.actions vscode-button.apply').click();
    await page.locator('dialog.confirm vscode-button.confirm-apply').click();
    const request = (await posted(page)).find((m): m is Extract<WebviewToHost, { type: 'apply' }> => m.type === 'apply')!;
    assert.deepEqual(
      request.stepIds,
      plan.steps.filter(actionable).map((s) => s.id),
    );

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
      assert.equal((await row(page, p.step.id).locator('td.new-id').textContent())?.trim(), p.newId, `${p.step.id} new id`);
      assert.match((await row(page, p.step.id).locator('td.status').textContent())!, /done/);
    }
    assert.match((await page.locator('.progress-text').textContent())!, /^Applying: \d+ of \d+ step\(s\)/);

    await send(page, { type: 'receipt', receipt });
    assert.match((await page.locator('.progress-text').textContent())!, /^Finished/);
    const receiptText = (await page.locator('section.receipt').textContent())!;
    assert.match(receiptText, new RegExp(`Created${receipt.created}`));
    assert.match(receiptText, new RegExp(`Updated${receipt.updated}`));
    assert.match(receiptText, new RegExp(`Verified: ${receipt.verification.checked} record\\(s\\)`));
    for (const entry of receipt.idMap) {
      const cell = row(page, `${entry.entity}:${entry.oldId}`).locator('td.new-id');
      if (await cell.count()) assert.equal((await cell.textContent())?.trim(), entry.newId);
    }
    assert.equal(
      await prop<boolean>(page.locator('.actions vscode-button.apply'), 'disabled'),
      true,
      'an applied plan is not applied again',
    );
    assert.match((await page.locator('.apply-blocker').textContent())!, /has been applied/);

    await page.locator('.actions vscode-button.export-csv').click();
    await page.locator('.actions vscode-button.export-json').click();
    assert.deepEqual(
      (await posted(page)).filter((m) => m.type === 'exportIdMap'),
      [
        { type: 'exportIdMap', format: 'csv' },
        { type: 'exportIdMap', format: 'json' },
      ],
    );
    assertClean(panel);
  });

  it('counts records that differ apart from unchanged ones, and lists linked records, conflicts and duplicates in the receipt', async () => {
    const panel = await openPanel();
    const { page } = panel;
    // The same plan as made without "update existing": its updates become skips that say what differs.
    const asSkips: PlanStep[] = plan.steps.map((s) => (s.action === 'update' ? { ...s, action: 'skip', reason: 'present-differs' } : s));
    const differing = asSkips.filter((s) => s.action === 'skip' && s.changes?.length).length;
    assert.ok(differing > 0);
    await send(page, { type: 'init', plan: { ...plan, options: { ...plan.options, updateExisting: false }, steps: asSkips } });
    assert.match(
      (await page.locator('section.differs').textContent())!,
      new RegExp(`${differing} record\\(s\\) in the account differ from the snapshot and will not be changed.*update existing`),
    );

    const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create')!;
    const contact = plan.steps.find((s) => s.entity === 'contacts' && s.action === 'create')!;
    const receipt: Receipt = {
      planId: plan.planId,
      startedAt: plan.createdAt,
      finishedAt: plan.createdAt,
      created: 0,
      updated: 0,
      skipped: 0,
      reconciled: 0,
      linked: [{ stepId: contact.id, liveId: '9001', reason: 'contacts 9001 appeared in the account since the plan with the same email' }],
      conflicts: [
        {
          stepId: order.id,
          liveId: '9002',
          reason: 'order 9002 was created in the account since the plan with the same contact, items and total',
        },
      ],
      duplicates: [{ entity: 'orders', oldId: '7', liveIds: ['9003', '9004'] }],
      failed: [],
      notApplied: [],
      idMap: [],
      requests: 3,
      verification: { checked: 0, problems: [] },
    };
    await send(page, { type: 'receipt', receipt });
    const text = (await page.locator('section.receipt').textContent())!;
    assert.match(text, /Applied with problems/);
    assert.match(text, /Already in Keap \(linked\)1/);
    assert.match(text, /Held as conflicts1/);
    assert.match(text, new RegExp(`${contact.id}: 9001: contacts 9001 appeared in the account since the plan`));
    assert.match(text, new RegExp(`${order.id}: order 9002 was created in the account since the plan`));
    assert.match(text, /orders 7 is in Keap 2 times \(9003, 9004\)/);
    assertClean(panel);
  });

  it('restores filter, sort, selection and progress from getState after a reload', async () => {
    const panel = await openPanel();
    const { page } = panel;
    await send(page, { type: 'init', plan });
    await page.locator('vscode-textfield.text-filter input').fill('orders');
    await page.locator('th[data-sort="label"] button').click();
    const order = plan.steps.find((s) => s.entity === 'orders' && s.action === 'create' && !s.dependsOn.includes(fx.hostileSteps.img))!;
    await row(page, order.id).locator('vscode-checkbox').click();
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
    // Drawn from getState alone, before the host says anything.
    await page.locator('table.steps tbody tr.step').first().waitFor();
    assert.equal(await prop<string>(page.locator('vscode-textfield.text-filter'), 'value'), 'orders');
    assert.equal(await page.locator('th[data-sort="label"]').getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await rowIds(page), shownBefore);
    assert.equal(await prop<boolean>(row(page, order.id).locator('vscode-checkbox'), 'checked'), false);
    assert.equal((await row(page, dependentPayment.id).locator('td.new-id').textContent())?.trim(), '990001');
    assert.match((await row(page, order.id).locator('td.status').textContent())!, /failed\s*Keap said no/);

    // The host's init for the same plan keeps what the user did.
    await send(page, { type: 'init', plan });
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
    await send(page, { type: 'init', plan: other, state: hostState });
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
    await page.locator('table.steps thead vscode-checkbox').click();
    assert.equal(await page.locator('.selection-summary').textContent(), '9998 create(s), 0 update(s) selected');
    await page.locator('vscode-textfield.text-filter input').fill('orders:104999');
    assert.deepEqual(await rowIds(page), ['orders:104999']);
    await row(page, 'orders:104999').locator('vscode-checkbox').click();
    assert.equal(await page.locator('.selection-summary').textContent(), '10000 create(s), 0 update(s) selected');

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
});
