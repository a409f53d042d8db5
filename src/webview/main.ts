/**
 * Entry point of the restore-plan webview (bundled by esbuild into dist/webview.js). Runs with no
 * Node and no vscode module: it talks to the host only through postMessage with the shared protocol,
 * and says `ready` once it listens, so the host knows when its buffered messages can be delivered.
 */
import './planPanel.css';
import { isHostMessage } from './protocol';
import type { VsCodeApi } from './state';
import { PlanPanelView } from './view';

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const root = document.getElementById('app');
// invariant: planPanelHtml always writes the #app element this script is loaded into.
if (!root) throw new Error('The plan panel page has no #app element.');
const view = new PlanPanelView(root, api);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isHostMessage(event.data)) return;
  try {
    view.handle(event.data);
  } catch (err) {
    view.showFailure(err);
  }
});

// Draw what was saved before the panel was hidden or reloaded; the host's init then refreshes it.
try {
  view.restore();
} catch (err) {
  view.showFailure(err);
}
api.postMessage({ type: 'ready' });
