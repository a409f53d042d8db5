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
 * An apply outlives no window: when the window running it closes, the apply stops between two
 * requests, and the next window asks whether to continue it. Here the apply is stopped part-way
 * (cancelled after its first record, then left marked "applying" as a closed window leaves it), the
 * question is answered Resume, and the account ends with every lost record back exactly once.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const vscode = __importStar(require("vscode"));
const support_1 = require("./support");
describe('Restore in VS Code: an apply a closed window cut short resumes, after asking, when a window opens', function () {
    this.timeout(180_000);
    let api;
    let planId;
    before(async () => {
        api = await (0, support_1.extensionApi)();
    });
    after(async () => {
        if (!planId)
            return;
        api.planPanel(planId)?.panel.dispose();
        await api.plans.forget(planId);
    });
    it('asks with what was left, and on Resume applies the rest once', async () => {
        const baseUrl = await (0, support_1.demoBaseUrl)();
        const demo = (await api.explorer.getChildren())?.find((n) => n.kind === 'connection' && n.connection.demo);
        strict_1.default.ok(demo, 'the demo connection');
        const snapshotFile = await vscode.commands.executeCommand('keapVault.takeSnapshot', demo);
        strict_1.default.ok(snapshotFile, 'keapVault.takeSnapshot failed: see the Keap Vault output channel');
        const intact = await (0, support_1.emulatorCounts)(baseUrl);
        await (0, support_1.emulatorAdmin)(baseUrl, 'POST', '/disasters/delete-paid-orders', { count: 6, seed: 41 });
        planId = await vscode.commands.executeCommand('keapVault.planRestore', snapshotFile);
        strict_1.default.ok(planId, 'keapVault.planRestore failed');
        const panel = api.planPanel(planId);
        const state = await (0, support_1.waitFor)('the preview to load the plan', () => panel.state);
        // Applying, stopped after its first record; the window that ran it then "closes".
        panel.confirmApply = async () => true;
        const running = panel.receive({ type: 'apply', stepIds: state.selected });
        await (0, support_1.waitFor)('a first record restored', () => Object.values(panel.state?.progress ?? {}).some((p) => p.status === 'done') || undefined);
        await panel.receive({ type: 'cancelApply' });
        await running;
        const cutShort = await (0, support_1.emulatorCounts)(baseUrl);
        strict_1.default.ok(cutShort.orders < intact.orders, 'stopped before every lost order was back');
        await api.plans.setStatus(planId, 'applying');
        const asked = [];
        await api.offerToResume([api.plans.get(planId)], async (question, ...actions) => {
            asked.push({ question, actions });
            return 'Resume';
        });
        strict_1.default.equal(asked.length, 1);
        strict_1.default.match(asked[0].question, /^Keap Vault: a restore into Keap emulator \(demo\) \(.+\) stopped when VS Code closed\. .* Resume it\? Steps already done are not sent again\.$/);
        strict_1.default.deepEqual(asked[0].actions, ['Resume', 'Open Preview']);
        const status = await (0, support_1.waitFor)('the resumed apply to end', () => {
            const s = api.plans.get(planId)?.status;
            return s === 'applied' || s === 'applied with problems' || s === 'interrupted' ? s : undefined;
        });
        strict_1.default.equal(status, 'applied', `the resumed apply ended ${status}`);
        const after = await (0, support_1.emulatorCounts)(baseUrl);
        strict_1.default.equal(after.orders, intact.orders, 'every lost order is back, none twice');
        strict_1.default.equal(after.payments, intact.payments, 'every lost payment is back, none twice');
    });
});
//# sourceMappingURL=resume.test.js.map