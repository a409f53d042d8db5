/**
 * The record card's page: an order or a contact as a person reads it, with links to the records it
 * ties together and the raw JSON one click away. One view per kind of card (orderView, contactView),
 * both made of cardParts; CRM text goes in as text only.
 */
import type { CardToHost, HostToCard, RecordCard } from './cardProtocol';
import { contactView } from './contactView';
import { orderView } from './orderView';
import './recordCard.css';

interface VsCodeApi {
  postMessage(message: CardToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const post = (message: CardToHost) => vscode.postMessage(message);

function render(card: RecordCard): void {
  app.replaceChildren(card.kind === 'contact' ? contactView(card, post) : orderView(card, post));
  const nodes = [...app.querySelectorAll('.relations-graph .node')].map((n) => n.getAttribute('aria-label') ?? '');
  post({ type: 'rendered', text: app.innerText, ...(nodes.length ? { nodes } : {}) });
}

window.addEventListener('message', (event: MessageEvent<HostToCard>) => {
  if (event.data?.type === 'card') render(event.data.card);
});
post({ type: 'ready' });
