"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The restore preview's commit point and result, in a real extension host against the demo account:
 * Apply asks in VS Code's own modal (naming the connection, the counts per kind of record and what
 * Keap cannot undo) and a Cancel there changes nothing; after an apply the tab's title leads with the
 * result, and the status bar's one item says how far the apply is. The modal cannot be pressed from a test, so the panel's `confirmApply` hook answers for the
 * user and records the question. The plans made here are forgotten afterwards, so the Restores view
 * the workflow test checks holds only its own.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const vscode = __importStar(require("vscode"));
const support_1 = require("./support");
describe('Restore preview in VS Code: the commit point and the result', function () {
    this.timeout(180_000);
    let api;
    let baseUrl;
    let planId;
    const planned = [];
    before(async () => {
        api = await (0, support_1.extensionApi)();
        baseUrl = await (0, support_1.demoBaseUrl)();
        const demo = (await api.explorer.getChildren())?.find((n) => n.kind === 'connection' && n.connection.demo);
        strict_1.default.ok(demo, 'the demo connection');
        const snapshotFile = await vscode.commands.executeCommand('keapVault.takeSnapshot', demo);
        strict_1.default.ok(snapshotFile, 'keapVault.takeSnapshot failed: see the Keap Vault output channel');
        const lost = await (0, support_1.emulatorAdmin)(baseUrl, 'POST', '/disasters/delete-paid-orders', {
            count: 2,
            seed: 21,
        });
        strict_1.default.equal(lost.affected.orders.length, 2);
        const made = await vscode.commands.executeCommand('keapVault.planRestore', snapshotFile);
        strict_1.default.ok(made, 'keapVault.planRestore failed');
        planId = made;
        planned.push(planId);
    });
    after(async () => {
        for (const id of planned) {
            api.planPanel(id)?.panel.dispose();
            await api.plans.forget(id);
        }
    });
    it("asks in VS Code's modal with the connection, the counts and what cannot be undone; Cancel leaves everything unchanged", async () => {
        const panel = api.planPanel(planId);
        const state = await (0, support_1.waitFor)('the preview to load the plan', () => panel.state);
        await (0, support_1.screenshot)('plan-preview');
        const before = { counts: await (0, support_1.emulatorCounts)(baseUrl), status: api.plans.get(planId)?.status, title: panel.panel.title };
        strict_1.default.equal(before.status, 'planned');
        strict_1.default.match(before.title, /^Restore plan: \d+ to create \(Keap emulator \(demo\)\)$/);
        const asked = [];
        panel.confirmApply = async (question) => {
            asked.push(question);
            return false; // the user pressed Cancel (or Escape)
        };
        await panel.receive({ type: 'apply', stepIds: state.selected });
        strict_1.default.equal(asked.length, 1, 'asked once');
        const [question] = asked;
        strict_1.default.equal(question.message, 'Restore into Keap emulator (demo)?');
        strict_1.default.match(question.detail, /• create 2 orders(,| and) \d+ payments/);
        strict_1.default.match(question.detail, /Keap cannot undo payments; restored orders get new ids\./);
        strict_1.default.equal(question.confirm, 'Apply');
        // Cancel: nothing written, nothing started, nothing recorded, the preview as it was.
        strict_1.default.deepEqual(await (0, support_1.emulatorCounts)(baseUrl), before.counts);
        strict_1.default.equal(api.plans.get(planId)?.status, 'planned');
        strict_1.default.equal(panel.isApplying, false);
        strict_1.default.equal(panel.state?.receipt, undefined);
        strict_1.default.deepEqual(panel.state?.progress, {});
        strict_1.default.equal(panel.panel.title, before.title);
    });
    it('after Apply, the tab title leads with the result and the page has the receipt', async () => {
        const panel = api.planPanel(planId);
        const state = panel.state;
        const before = await (0, support_1.emulatorCounts)(baseUrl);
        panel.confirmApply = async () => true;
        // What Keap Vault's status bar item says while the apply runs (an apply has no other status bar entry).
        const shown = new Set();
        const watch = setInterval(() => shown.add(api.statusBar.shown?.text ?? ''), 10);
        await panel.receive({ type: 'apply', stepIds: state.selected });
        const receipt = await (0, support_1.waitFor)('the receipt', () => panel.state?.receipt).finally(() => clearInterval(watch));
        const restoring = [...shown].filter((t) => /^\$\(sync~spin\) Keap emulator \(demo\): restoring \d+\/\d+$/.test(t));
        strict_1.default.ok(restoring.length, `the status bar said how far the restore was: ${[...shown].join(' | ')}`);
        strict_1.default.ok([...shown].every((t) => !/restoring/.test(t) || /restoring \d+\/\d+$/.test(t)), `every "restoring" with its count: ${[...shown].join(' | ')}`);
        await (0, support_1.waitFor)('the status bar to leave the restore', () => !api.statusBar.shown?.text.includes('restoring'));
        strict_1.default.deepEqual(receipt.failed, []);
        strict_1.default.equal((await (0, support_1.emulatorCounts)(baseUrl)).orders, before.orders + 2, 'both orders are back, once');
        strict_1.default.equal(api.plans.get(planId)?.status, 'applied');
        strict_1.default.equal(panel.panel.title, `Restored ${receipt.created} records (Keap emulator (demo))`);
    });
});
//# sourceMappingURL=preview.test.js.map