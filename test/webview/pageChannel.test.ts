/** The host's side of the page's messages and the host's copy of the UI state (pure, no vscode at run time). */
import assert from 'node:assert/strict';
import { freshUi, uiAfterRunMessage } from '../../src/extension/planPanel/hostUiState';
import { PageChannel } from '../../src/extension/planPanel/pageChannel';
import type { HostToWebview, ReceiptView } from '../../src/webview/protocol';

type Webview = ConstructorParameters<typeof PageChannel>[0];

function fakeWebview(): { webview: Webview; sent: HostToWebview[] } {
  const sent: HostToWebview[] = [];
  const webview = { postMessage: (m: HostToWebview) => (sent.push(m), Promise.resolve(true)) } as unknown as Webview;
  return { webview, sent };
}

const init: HostToWebview = { type: 'init', plan: {} as never, stale: undefined, state: undefined };

describe('plan panel host: page channel and UI state', () => {
  it('holds all but progress until the page says ready, then sends init first', async () => {
    const { webview, sent } = fakeWebview();
    const page = new PageChannel(webview);
    let woke = false;
    const waiting = page.whenReady().then(() => (woke = true));
    page.post({ type: 'stale', reason: 'changed' });
    page.post({ type: 'progress', stepId: 'contacts:1', status: 'done' });
    page.post(init);
    page.post({ type: 'error', message: 'boom' });
    assert.equal(sent.length, 0);
    page.listening(() => init);
    assert.deepEqual(
      sent.map((m) => m.type),
      ['init', 'stale', 'error'],
    );
    await waiting;
    assert.equal(woke, true);
    page.post({ type: 'progress', stepId: 'contacts:1', status: 'done' });
    assert.equal(sent.length, 4);
    page.notListening();
    page.post({ type: 'progress', stepId: 'contacts:2', status: 'done' });
    assert.equal(sent.length, 4);
    assert.equal(page.isReady, false);
  });

  it("keeps what a running apply says in the host's state", () => {
    let ui = freshUi('plan-1', ['contacts:1']);
    ui = uiAfterRunMessage(ui, { type: 'progress', stepId: 'contacts:1', status: 'done', newId: '42' });
    assert.equal(ui.applying, true);
    assert.deepEqual(ui.progress['contacts:1'], { status: 'done', newId: '42', message: undefined });
    const receipt = { created: 1 } as unknown as ReceiptView;
    ui = uiAfterRunMessage(ui, { type: 'receipt', receipt });
    assert.equal(ui.applying, false);
    assert.equal(ui.receipt, receipt);
    assert.deepEqual(ui.selected, ['contacts:1']);
    assert.equal(uiAfterRunMessage({ ...ui, applying: true }, { type: 'error', message: 'x' }).applying, false);
    assert.equal(uiAfterRunMessage({ ...ui, applying: true }, { type: 'stale', reason: 'x' }).applying, false);
  });
});
