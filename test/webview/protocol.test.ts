/**
 * The webview uses the core's plan types (core/restore/planTypes) with the host-only parts left out;
 * these checks keep the action list and the apply statuses in step, and check the shared view logic
 * (selection, validity) without a browser.
 */
import assert from 'node:assert/strict';
import type { ApplyProgress } from '../../src/core/restore/applier';
import { headlineOf, planFormatProblem, type PlanStep, type RestorePlan } from '../../src/core/restore/plan';
import {
  isHostMessage,
  isWebviewMessage,
  PLAN_ACTIONS,
  type PlanStepView,
  type PlanView,
  type PlanViewState,
  type StepStatus,
} from '../../src/webview/protocol';
import { applyBlocker, planProblem, StepGraph } from '../../src/webview/selection';
import { mergeUiState } from '../../src/webview/state';
import { planStep, syntheticPlan } from './support/planFixture';

// Each element must be `true`; a drift makes it `false` and this line fails to compile.
const fits: [
  PlanStep extends PlanStepView ? true : false,
  RestorePlan extends PlanView ? true : false,
  ApplyProgress['status'] extends StepStatus ? true : false,
] = [true, true, true];

describe('webview protocol and view logic', () => {
  it('shows every action the core counts, and takes a whole plan or step as its view', () => {
    assert.ok(fits.every(Boolean));
    assert.deepEqual([...PLAN_ACTIONS], Object.keys(headlineOf([planStep('contacts', '1')]).contacts!));
  });

  it('accepts only the host message shapes', () => {
    assert.ok(isHostMessage({ type: 'init', plan: syntheticPlan(1) }));
    assert.ok(isHostMessage({ type: 'progress', stepId: 'contacts:1', status: 'done', newId: '9' }));
    assert.ok(isHostMessage({ type: 'applyStarted', total: 3 }));
    assert.ok(
      isHostMessage({
        type: 'lookAlike',
        stepId: 'orders:3',
        sides: [
          { heading: 'a', rows: [] },
          { heading: 'b', rows: [] },
        ],
      }),
    );
    assert.ok(!isHostMessage({ type: 'applyStarted' }));
    assert.ok(!isHostMessage({ type: 'lookAlike', stepId: 'orders:3', sides: [] }));
    assert.ok(!isHostMessage({ type: 'init', plan: {} }));
    assert.ok(!isHostMessage({ type: 'apply', stepIds: [] }), 'a webview message is not a host message');
    assert.ok(!isHostMessage('init'));
    assert.ok(!isHostMessage(null));
  });

  it('the host accepts only the message shapes the page may send, member by member', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'cancelApply' },
      { type: 'apply', stepIds: ['orders:1', 'payments:2'] },
      { type: 'exportIdMap', format: 'csv' },
      { type: 'compareWithLive' },
      { type: 'compareLookAlike', stepId: 'orders:3' },
      { type: 'openRecord', entity: 'orders', id: '137', where: 'live' },
      { type: 'replan', options: { subscriptionsStartToday: true, resolutions: { 'orders:1': 'link' } } },
      { type: 'setState', state: { planId: 'p', selected: [] } },
    ];
    for (const m of good) assert.ok(isWebviewMessage(m), JSON.stringify(m));
    const bad: unknown[] = [
      null,
      'ready',
      { type: 'init', plan: syntheticPlan(1) },
      { type: 'apply' },
      { type: 'apply', stepIds: [1, 2] },
      { type: 'exportIdMap', format: 'xml' },
      { type: 'compareLookAlike' },
      { type: 'compareLookAlike', stepId: 'orders:3 <script>' },
      { type: 'openRecord', entity: 'users', id: '1', where: 'live' },
      { type: 'openRecord', entity: 'orders', id: '../../etc/passwd', where: 'live' },
      { type: 'openRecord', entity: 'orders', id: '1', where: 'elsewhere' },
      { type: 'replan', options: { updateExisting: 'yes' } },
      { type: 'replan', options: { resolutions: { 'orders:1': 'delete' } } },
      { type: 'replan', options: { records: ['orders:1'] } },
      { type: 'setState', state: null },
    ];
    for (const m of bad) assert.ok(!isWebviewMessage(m), JSON.stringify(m));
  });

  it('keeps a selection closed under dependsOn', () => {
    const steps: PlanStepView[] = [
      planStep('contacts', '1'),
      planStep('contacts', '2', { action: 'skip', reason: 'identical' }),
      planStep('orders', '10', { dependsOn: ['contacts:1'] }),
      planStep('payments', '20', { dependsOn: ['orders:10'] }),
      planStep('orders', '11', { action: 'conflict', reason: 'likely-duplicate' }),
    ];
    const graph = new StepGraph(steps);
    assert.deepEqual(graph.defaultSelection(), ['contacts:1', 'orders:10', 'payments:20']);
    assert.deepEqual(
      graph.inPlanOrder(graph.select(new Set(), ['payments:20'])),
      ['contacts:1', 'orders:10', 'payments:20'],
      'a payment brings its order and contact',
    );
    assert.deepEqual(
      [...graph.deselect(new Set(graph.defaultSelection()), ['contacts:1'])],
      [],
      'dropping the contact drops what needs it',
    );
    assert.deepEqual([...graph.select(new Set(), ['orders:11', 'contacts:2', 'nope'])], [], 'only creates and updates can be chosen');
    assert.deepEqual([...graph.sanitize(['orders:10', 'orders:11', 'gone:1'])], ['orders:10']);
  });

  it("keeps the webview's choices and adds the host's progress when the same plan is sent again", () => {
    const base: PlanViewState = {
      planId: 'p1',
      filter: { text: 'orders', action: 'all', entity: 'all' },
      sort: { key: 'label', descending: true },
      selected: ['a'],
      progress: { a: { status: 'done', newId: '1' } },
      applying: true,
    };
    const host: PlanViewState = {
      ...base,
      filter: { text: 'older', action: 'all', entity: 'all' },
      progress: { b: { status: 'failed', message: 'no' } },
      applying: false,
    };
    const merged = mergeUiState('p1', base, host)!;
    assert.equal(merged.filter.text, 'orders');
    assert.equal(merged.sort.key, 'label');
    assert.deepEqual(Object.keys(merged.progress).sort(), ['a', 'b']);
    assert.equal(merged.applying, false, 'the host knows whether an apply runs');
    assert.equal(mergeUiState('p1', undefined, host)!.filter.text, 'older');
    assert.equal(mergeUiState('p2', base, host), undefined, 'state of another plan is not used');
  });

  it('says why a plan cannot be applied', () => {
    const plan = syntheticPlan(2);
    assert.equal(planProblem(plan), undefined);
    assert.match(planProblem({ ...plan, formatVersion: '3.0' })!, /format 3\.0/);
    // The page reads the formats the core reads (it restates the list: it may not bundle core code).
    for (const version of ['0.9', '1.0', '1.1', '2.0', '2.3', '3.0', 'x'])
      assert.equal(planProblem({ ...plan, formatVersion: version }) === undefined, planFormatProblem(version) === undefined, version);
    assert.match(planProblem({ ...plan, steps: [...plan.steps, planStep('orders', '9', { dependsOn: ['contacts:99'] })] })!, /contacts:99/);
    const state: PlanViewState = {
      planId: plan.planId,
      filter: { text: '', action: 'all', entity: 'all' },
      sort: { key: 'order', descending: false },
      selected: [],
      progress: {},
      applying: false,
    };
    assert.equal(applyBlocker(plan, state, undefined, 3), undefined);
    assert.match(applyBlocker(plan, state, { reason: 'contacts 1 changed' }, 3)!, /contacts 1 changed/);
    assert.match(applyBlocker(plan, state, undefined, 0)!, /Select at least one/);
    assert.match(applyBlocker(plan, { ...state, applying: true }, undefined, 3)!, /running/);
  });
});
