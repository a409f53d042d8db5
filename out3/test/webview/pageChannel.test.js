"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/** The host's side of the page's messages and the host's copy of the UI state (pure, no vscode at run time). */
const strict_1 = __importDefault(require("node:assert/strict"));
const hostUiState_1 = require("../../src/extension/planPanel/hostUiState");
const pageChannel_1 = require("../../src/extension/planPanel/pageChannel");
function fakeWebview() {
    const sent = [];
    const webview = { postMessage: (m) => (sent.push(m), Promise.resolve(true)) };
    return { webview, sent };
}
const init = { type: 'init', plan: {}, stale: undefined, state: undefined };
describe('plan panel host: page channel and UI state', () => {
    it('holds all but progress until the page says ready, then sends init first', async () => {
        const { webview, sent } = fakeWebview();
        const page = new pageChannel_1.PageChannel(webview);
        let woke = false;
        const waiting = page.whenReady().then(() => (woke = true));
        page.post({ type: 'stale', reason: 'changed' });
        page.post({ type: 'progress', stepId: 'contacts:1', status: 'done' });
        page.post(init);
        page.post({ type: 'error', message: 'boom' });
        strict_1.default.equal(sent.length, 0);
        page.listening(() => init);
        strict_1.default.deepEqual(sent.map((m) => m.type), ['init', 'stale', 'error']);
        await waiting;
        strict_1.default.equal(woke, true);
        page.post({ type: 'progress', stepId: 'contacts:1', status: 'done' });
        strict_1.default.equal(sent.length, 4);
        page.notListening();
        page.post({ type: 'progress', stepId: 'contacts:2', status: 'done' });
        strict_1.default.equal(sent.length, 4);
        strict_1.default.equal(page.isReady, false);
    });
    it("keeps what a running apply says in the host's state", () => {
        let ui = (0, hostUiState_1.freshUi)('plan-1', ['contacts:1']);
        ui = (0, hostUiState_1.uiAfterRunMessage)(ui, { type: 'progress', stepId: 'contacts:1', status: 'done', newId: '42' });
        strict_1.default.equal(ui.applying, true);
        strict_1.default.deepEqual(ui.progress['contacts:1'], { status: 'done', newId: '42', message: undefined });
        const receipt = { created: 1 };
        ui = (0, hostUiState_1.uiAfterRunMessage)(ui, { type: 'receipt', receipt });
        strict_1.default.equal(ui.applying, false);
        strict_1.default.equal(ui.receipt, receipt);
        strict_1.default.deepEqual(ui.selected, ['contacts:1']);
        strict_1.default.equal((0, hostUiState_1.uiAfterRunMessage)({ ...ui, applying: true }, { type: 'error', message: 'x' }).applying, false);
        strict_1.default.equal((0, hostUiState_1.uiAfterRunMessage)({ ...ui, applying: true }, { type: 'stale', reason: 'x' }).applying, false);
    });
});
//# sourceMappingURL=pageChannel.test.js.map