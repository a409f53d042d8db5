/**
 * An order opened from the Accounts view: a webview card a person can read (orderCard.ts has the
 * words), one panel per order, with links to its contact, products and payments, and the raw JSON
 * document one click away (the card's button, or the editor title's Show Raw JSON).
 */
import * as vscode from 'vscode';
import type { Json } from '../../core/entities/define';
import { getRecord, orderDetails } from '../../core/snapshot/query';
import type { SnapshotEntity } from '../../core/snapshot/entities';
import { isCardMessage, type CardToHost, type HostToCard, type OrderCard } from '../../webview/recordCard/cardProtocol';
import { COMMANDS } from '../commandIds';
import { showError } from '../commands/register';
import type { ConnectionStore } from '../connections/connections';
import { FINDING_SOURCE } from '../diagnostics';
import type { ExplorerNode, RecordSource } from '../explorer/nodes';
import { recordLabel } from '../explorer/recordLabels';
import { localDateTime } from '../localFormat';
import { recordUri, showRecord } from '../recordDocuments';
import { recordTitle } from '../recordNames';
import type { SnapshotLibrary } from '../snapshots';
import { UserError } from '../userError';
import { orderCard } from './orderCard';
import { recordCardHtml } from './recordCardHtml';

export const RECORD_CARD_VIEW_TYPE = 'keapVault.recordCard';

export interface RecordCardServices {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  connections: ConnectionStore;
  snapshots: SnapshotLibrary;
}

const keyOf = (source: RecordSource, id: string) =>
  `${source.type === 'snapshot' ? `snapshot:${source.file}` : `live:${source.connectionId}`}|orders|${id}`;

export class RecordCardPanel {
  private static readonly open = new Map<string, RecordCardPanel>();
  private static activePanel?: RecordCardPanel;

  /** What the page showed last, as text (the host tests read the card through it). */
  renderedText?: string;
  private readonly rendered = new vscode.EventEmitter<string>();
  readonly onDidRender = this.rendered.event;
  private card: OrderCard;
  /** The order's JSON document, with its findings. */
  documentUri: vscode.Uri;

  static of(source: RecordSource, id: string): RecordCardPanel | undefined {
    return RecordCardPanel.open.get(keyOf(source, id));
  }

  /** The card in the active editor group's front, if it is one. */
  static active(): RecordCardPanel | undefined {
    return RecordCardPanel.activePanel;
  }

  /** Opens the order's card (or brings it forward, read again). */
  static async show(services: RecordCardServices, source: RecordSource, id: string): Promise<RecordCardPanel> {
    const { card, documentUri, title } = await loadCard(services, source, id);
    const known = RecordCardPanel.of(source, id);
    if (known) {
      known.update(card, documentUri, title);
      known.panel.reveal();
      return known;
    }
    const panel = vscode.window.createWebviewPanel(
      RECORD_CARD_VIEW_TYPE,
      title,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(services.extensionUri, 'dist')],
      },
    );
    return new RecordCardPanel(services, panel, source, id, card, documentUri);
  }

  private constructor(
    private readonly services: RecordCardServices,
    readonly panel: vscode.WebviewPanel,
    readonly source: RecordSource,
    readonly id: string,
    card: OrderCard,
    documentUri: vscode.Uri,
  ) {
    this.card = card;
    this.documentUri = documentUri;
    const key = keyOf(source, id);
    RecordCardPanel.open.set(key, this);
    RecordCardPanel.activePanel = this;
    const dist = vscode.Uri.joinPath(services.extensionUri, 'dist');
    panel.webview.html = recordCardHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'recordCard.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'recordCard.css')).toString(),
      title: panel.title,
    });
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isCardMessage(message)) void this.receive(message);
    });
    panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) RecordCardPanel.activePanel = this;
      else if (RecordCardPanel.activePanel === this) RecordCardPanel.activePanel = undefined;
    });
    panel.onDidDispose(() => {
      if (RecordCardPanel.open.get(key) === this) RecordCardPanel.open.delete(key);
      if (RecordCardPanel.activePanel === this) RecordCardPanel.activePanel = undefined;
      this.rendered.dispose();
    });
  }

  private update(card: OrderCard, documentUri: vscode.Uri, title: string): void {
    this.card = card;
    this.documentUri = documentUri;
    this.panel.title = title;
    this.post({ type: 'card', card });
  }

  private post(message: HostToCard): void {
    void this.panel.webview.postMessage(message);
  }

  /** Opens the order's raw JSON beside the card. */
  showJson(): Thenable<vscode.TextEditor> {
    return showRecord(this.documentUri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  private async receive(message: CardToHost): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          return this.post({ type: 'card', card: this.card });
        case 'rendered':
          this.renderedText = message.text;
          return this.rendered.fire(message.text);
        case 'json':
          await this.showJson();
          return;
        case 'restore': {
          const order: ExplorerNode = { kind: 'record', source: this.source, entity: 'orders', id: this.id, label: `#${this.id}` };
          await vscode.commands.executeCommand(COMMANDS.restoreOrder, order);
          return;
        }
        case 'reveal':
          await vscode.commands.executeCommand(COMMANDS.revealRecord, this.source, 'orders', this.id);
          return;
        case 'open':
          await this.openLinked(message.link.entity as SnapshotEntity, message.link.id);
          return;
      }
    } catch (err) {
      this.services.log.error(`Record card: ${(err as Error).message}`);
      void showError(err, this.services.log);
    }
  }

  /** A linked order opens as a card; any other record as its JSON document, named for it. */
  private async openLinked(entity: SnapshotEntity, id: string): Promise<void> {
    if (entity === 'orders') {
      await RecordCardPanel.show(this.services, this.source, id);
      return;
    }
    const record =
      this.source.type === 'snapshot' ? getRecord<Json>(await this.services.snapshots.db(this.source.file), entity, id) : undefined;
    await showRecord(recordUri(this.source, entity, id, record && recordLabel(entity, record).label), {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
    });
  }
}

/** Reads the order (the snapshot, or Keap for a live one) and makes its card. */
async function loadCard(
  services: RecordCardServices,
  source: RecordSource,
  id: string,
): Promise<{ card: OrderCard; documentUri: vscode.Uri; title: string }> {
  const locale = vscode.env.language;
  let input: Omit<Parameters<typeof orderCard>[0], 'problems' | 'locale'>;
  if (source.type === 'snapshot') {
    const db = await services.snapshots.db(source.file);
    const details = orderDetails(db, id);
    if (!details) throw new UserError('gone', `${recordTitle('orders', id)} is not in this snapshot.`);
    input = {
      ...details,
      payments: details.payments as unknown as Json[],
      source: 'snapshot',
      where: `From the snapshot of ${localDateTime(db.meta().finishedAt, locale)}`,
    };
  } else {
    const client = await services.connections.client(source.connectionId);
    const order = await client.orders.get(id);
    const payments: Json[] = [];
    for await (const p of client.orders.payments(id)) payments.push(p as unknown as Json);
    const name = services.connections.get(source.connectionId)?.name ?? 'Keap';
    input = {
      order,
      items: (order.order_items ?? []).map((item) => ({ item })),
      payments,
      source: 'live',
      where: `Live from ${name}, read ${localDateTime(new Date().toISOString(), locale)}`,
    };
  }
  const label = recordLabel('orders', input.order as unknown as Json).label;
  const documentUri = recordUri(source, 'orders', id, label);
  // The findings validation put on this order's document (the same URI: same record, same label).
  const problems = vscode.languages
    .getDiagnostics(documentUri)
    .filter((d) => d.source === FINDING_SOURCE)
    .map((d) => d.message.split('\n')[0]);
  const card = orderCard({ ...input, problems, locale });
  return { card, documentUri, title: recordTitle('orders', id, label) };
}
