/**
 * Runs inside the plan-preview webview: no Node, no vscode module; talks to the host only through
 * postMessage with the shared protocol. Values are written as text nodes, never as HTML.
 */
import type { HostToWebview, PlanHeadline, WebviewToHost } from './protocol';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function cell(tag: 'td' | 'th', text: string | number): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = String(text);
  return el;
}

function renderHeadline(title: string, headline: PlanHeadline[]): void {
  const root = document.getElementById('app');
  if (!root) return;
  root.replaceChildren();
  const heading = document.createElement('h1');
  heading.textContent = title;
  const table = document.createElement('table');
  const head = document.createElement('tr');
  for (const label of ['Entity', 'Create', 'Update', 'Skip', 'Conflict', 'Blocked']) head.append(cell('th', label));
  table.append(head);
  for (const row of headline) {
    const tr = document.createElement('tr');
    tr.append(cell('td', row.entity), cell('td', row.create), cell('td', row.update), cell('td', row.skip), cell('td', row.conflict), cell('td', row.blocked));
    table.append(tr);
  }
  root.append(heading, table);
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  if (message?.type === 'plan') renderHeadline(message.title, message.headline);
});

vscode.postMessage({ type: 'ready' });
