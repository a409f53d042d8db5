"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The webview uses the core's plan types (core/restore/planTypes) with the host-only parts left out;
 * these checks keep the action list and the apply statuses in step, and check the shared view logic
 * (selection, validity) without a browser.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const plan_1 = require("../../src/core/restore/plan");
const protocol_1 = require("../../src/webview/protocol");
const selection_1 = require("../../src/webview/selection");
const state_1 = require("../../src/webview/state");
const planFixture_1 = require("./support/planFixture");
// Each element must be `true`; a drift makes it `false` and this line fails to compile.
const fits = [true, true, true];
describe('webview protocol and view logic', () => {
    it('shows every action the core counts, and takes a whole plan or step as its view', () => {
        strict_1.default.ok(fits.every(Boolean));
        strict_1.default.deepEqual([...protocol_1.PLAN_ACTIONS], Object.keys((0, plan_1.headlineOf)([(0, planFixture_1.planStep)('contacts', '1')]).contacts));
    });
    it('accepts only the host message shapes', () => {
        strict_1.default.ok((0, protocol_1.isHostMessage)({ type: 'init', plan: (0, planFixture_1.syntheticPlan)(1) }));
        strict_1.default.ok((0, protocol_1.isHostMessage)({ type: 'progress', stepId: 'contacts:1', status: 'done', newId: '9' }));
        strict_1.default.ok((0, protocol_1.isHostMessage)({ type: 'applyStarted', total: 3 }));
        strict_1.default.ok((0, protocol_1.isHostMessage)({
            type: 'lookAlike',
            stepId: 'orders:3',
            sides: [
                { heading: 'a', rows: [] },
                { heading: 'b', rows: [] },
            ],
        }));
        strict_1.default.ok(!(0, protocol_1.isHostMessage)({ type: 'applyStarted' }));
        strict_1.default.ok(!(0, protocol_1.isHostMessage)({ type: 'lookAlike', stepId: 'orders:3', sides: [] }));
        strict_1.default.ok(!(0, protocol_1.isHostMessage)({ type: 'init', plan: {} }));
        strict_1.default.ok(!(0, protocol_1.isHostMessage)({ type: 'apply', stepIds: [] }), 'a webview message is not a host message');
        strict_1.default.ok(!(0, protocol_1.isHostMessage)('init'));
        strict_1.default.ok(!(0, protocol_1.isHostMessage)(null));
    });
    it('the host accepts only the message shapes the page may send, member by member', () => {
        const good = [
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
        for (const m of good)
            strict_1.default.ok((0, protocol_1.isWebviewMessage)(m), JSON.stringify(m));
        const bad = [
            null,
            'ready',
            { type: 'init', plan: (0, planFixture_1.syntheticPlan)(1) },
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
        for (const m of bad)
            strict_1.default.ok(!(0, protocol_1.isWebviewMessage)(m), JSON.stringify(m));
    });
    it('keeps a selection closed under dependsOn', () => {
        const steps = [
            (0, planFixture_1.planStep)('contacts', '1'),
            (0, planFixture_1.planStep)('contacts', '2', { action: 'skip', reason: 'identical' }),
            (0, planFixture_1.planStep)('orders', '10', { dependsOn: ['contacts:1'] }),
            (0, planFixture_1.planStep)('payments', '20', { dependsOn: ['orders:10'] }),
            (0, planFixture_1.planStep)('orders', '11', { action: 'conflict', reason: 'likely-duplicate' }),
        ];
        const graph = new selection_1.StepGraph(steps);
        strict_1.default.deepEqual(graph.defaultSelection(), ['contacts:1', 'orders:10', 'payments:20']);
        strict_1.default.deepEqual(graph.inPlanOrder(graph.select(new Set(), ['payments:20'])), ['contacts:1', 'orders:10', 'payments:20'], 'a payment brings its order and contact');
        strict_1.default.deepEqual([...graph.deselect(new Set(graph.defaultSelection()), ['contacts:1'])], [], 'dropping the contact drops what needs it');
        strict_1.default.deepEqual([...graph.select(new Set(), ['orders:11', 'contacts:2', 'nope'])], [], 'only creates and updates can be chosen');
        strict_1.default.deepEqual([...graph.sanitize(['orders:10', 'orders:11', 'gone:1'])], ['orders:10']);
    });
    it("keeps the webview's choices and adds the host's progress when the same plan is sent again", () => {
        const base = {
            planId: 'p1',
            filter: { text: 'orders', action: 'all', entity: 'all' },
            sort: { key: 'label', descending: true },
            selected: ['a'],
            progress: { a: { status: 'done', newId: '1' } },
            applying: true,
        };
        const host = {
            ...base,
            filter: { text: 'older', action: 'all', entity: 'all' },
            progress: { b: { status: 'failed', message: 'no' } },
            applying: false,
        };
        const merged = (0, state_1.mergeUiState)('p1', base, host);
        strict_1.default.equal(merged.filter.text, 'orders');
        strict_1.default.equal(merged.sort.key, 'label');
        strict_1.default.deepEqual(Object.keys(merged.progress).sort(), ['a', 'b']);
        strict_1.default.equal(merged.applying, false, 'the host knows whether an apply runs');
        strict_1.default.equal((0, state_1.mergeUiState)('p1', undefined, host).filter.text, 'older');
        strict_1.default.equal((0, state_1.mergeUiState)('p2', base, host), undefined, 'state of another plan is not used');
    });
    it('says why a plan cannot be applied', () => {
        const plan = (0, planFixture_1.syntheticPlan)(2);
        strict_1.default.equal((0, selection_1.planProblem)(plan), undefined);
        strict_1.default.match((0, selection_1.planProblem)({ ...plan, formatVersion: '2.0' }), /format 2\.0/);
        strict_1.default.match((0, selection_1.planProblem)({ ...plan, steps: [...plan.steps, (0, planFixture_1.planStep)('orders', '9', { dependsOn: ['contacts:99'] })] }), /contacts:99/);
        const state = {
            planId: plan.planId,
            filter: { text: '', action: 'all', entity: 'all' },
            sort: { key: 'order', descending: false },
            selected: [],
            progress: {},
            applying: false,
        };
        strict_1.default.equal((0, selection_1.applyBlocker)(plan, state, undefined, 3), undefined);
        strict_1.default.match((0, selection_1.applyBlocker)(plan, state, { reason: 'contacts 1 changed' }, 3), /contacts 1 changed/);
        strict_1.default.match((0, selection_1.applyBlocker)(plan, state, undefined, 0), /Select at least one/);
        strict_1.default.match((0, selection_1.applyBlocker)(plan, { ...state, applying: true }, undefined, 3), /running/);
    });
});
//# sourceMappingURL=protocol.test.js.map