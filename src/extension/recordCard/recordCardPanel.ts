/**
 * An order or a contact opened from the Accounts view: a webview card a person can read
 * (orderCard.ts and contactCard.ts have the words; orderRelations.ts the order's graph), one panel
 * per record, with links to the records it ties together, and the raw JSON document one click away
 * (the card's button, or the editor title's Show Raw JSON).
 */
import * as vscode from 'vscode';
import type { Json } from '../../core/entities/define';
import { getRecord, orderDetails } from '../../core/snapshot/query';
import type { SnapshotEntity } from '../../core/snapshot/entities';
import { isCardMessage, type CardToHost, type HostToCard, type RecordCard } from '../../webview/recordCard/cardProtocol';
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
import { contactCard, contactCardRecords } from './contactCard';
import { orderCard } from './orderCard';
import { contactSubscriptions, orderRelations } from './orderRelations';
import { recordCardHtml } from './recordCardHtml';

export const RECORD_CARD_VIEW_TYPE = 'keapVault.recordCard';

export interface RecordCardServices {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  connections: ConnectionStore;
  snapshots: SnapshotLibrary;
}

/** The records that open as a card; any other opens as its JSON document. */
export type CardEntity = 'orders' | 'contacts';
export const CARD_ENTITIES: readonly string[] = ['orders', 'contacts'] satisfies CardEntity[];

const keyOf = (source: RecordSource, entity: CardEntity, id: string) =>
  `${source.type === 'snapshot' ? `snapshot:${source.file}` : `live:${source.connectionId}`}|${entity}|${id}`;

export class RecordCardPanel {
  private static readonly open = new Map<string, RecordCardPanel>();
  private static activePanel?: RecordCardPanel;

  /** What the page showed last, as text, and its graph's nodes as announced (the host tests read the card through them). */
  renderedText?: string;
  renderedNodes?: string[];
  private readonly rendered = new vscode.EventEmitter<string>();
  readonly onDidRender = this.rendered.event;
  private card: RecordCard;
  /** The order's JSON document, with its findings. */
  documentUri: vscode.Uri;

  static of(source: RecordSource, id: string, entity: CardEntity = 'orders'): RecordCardPanel | undefined {
    return RecordCardPanel.open.get(keyOf(source, entity, id));
  }

  /** The card in the active editor group's front, if it is one. */
  static active(): RecordCardPanel | undefined {
    return RecordCardPanel.activePanel;
  }

  /** Opens the record's card (or brings it forward, read again). */
  static async show(
    services: RecordCardServices,
    source: RecordSource,
    id: string,
    entity: CardEntity = 'orders',
  ): Promise<RecordCardPanel> {
    const { card, documentUri, title } =
      entity === 'contacts' ? await loadContact(services, source, id) : await loadOrder(services, source, id);
    const known = RecordCardPanel.of(source, id, entity);
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
    return new RecordCardPanel(services, panel, source, entity, id, card, documentUri);
  }

  private constructor(
    private readonly services: RecordCardServices,
    readonly panel: vscode.WebviewPanel,
    readonly source: RecordSource,
    readonly entity: CardEntity,
    readonly id: string,
    card: RecordCard,
    documentUri: vscode.Uri,
  ) {
    this.card = card;
    this.documentUri = documentUri;
    const key = keyOf(source, entity, id);
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

  private update(card: RecordCard, documentUri: vscode.Uri, title: string): void {
    this.card = card;
    this.documentUri = documentUri;
    this.panel.title = title;
    this.post({ type: 'card', card });
  }

  private post(message: HostToCard): void {
    void this.panel.webview.postMessage(message);
  }

  /** Opens the record's raw JSON beside the card. */
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
          this.renderedNodes = message.nodes;
          return this.rendered.fire(message.text);
        case 'json':
          await this.showJson();
          return;
        case 'restore': {
          if (this.entity !== 'orders') return;
          const order: ExplorerNode = { kind: 'record', source: this.source, entity: 'orders', id: this.id, label: `#${this.id}` };
          await vscode.commands.executeCommand(COMMANDS.restoreOrder, order);
          return;
        }
        case 'reveal':
          await vscode.commands.executeCommand(COMMANDS.revealRecord, this.source, this.entity, this.id);
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

  /** A linked order or contact opens as a card; any other record as its JSON document, named for it. */
  private async openLinked(entity: SnapshotEntity, id: string): Promise<void> {
    if (CARD_ENTITIES.includes(entity)) {
      await RecordCardPanel.show(this.services, this.source, id, entity as CardEntity);
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

interface LoadedCard {
  card: RecordCard;
  documentUri: vscode.Uri;
  title: string;
}

/** The findings validation put on a record's document (the same URI: same record, same label), first line each. */
function findingsOn(documentUri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(documentUri)
    .filter((d) => d.source === FINDING_SOURCE)
    .map((d) => d.message.split('\n')[0]);
}

/** Reads the order (the snapshot, or Keap for a live one) and makes its card, with its relationship graph. */
async function loadOrder(services: RecordCardServices, source: RecordSource, id: string): Promise<LoadedCard> {
  const locale = vscode.env.language;
  let input: Omit<Parameters<typeof orderCard>[0], 'problems' | 'locale'>;
  let relations: ReturnType<typeof orderRelations>;
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
    relations = orderRelations({
      ...input,
      subscriptions: contactSubscriptions(db, details.order.contact?.id),
      state: 'snapshot',
      locale,
    });
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
    // Keap's order has no subscriptions of its own to list; the graph shows what the order itself ties together.
    relations = orderRelations({ ...input, subscriptions: [], state: 'live', locale });
  }
  const label = recordLabel('orders', input.order as unknown as Json).label;
  const documentUri = recordUri(source, 'orders', id, label);
  const card = { ...orderCard({ ...input, problems: findingsOn(documentUri), locale }), relations };
  return { card, documentUri, title: recordTitle('orders', id, label) };
}

/** Reads the contact from the snapshot and makes its card (a live contact opens as its JSON: Keap's contact has no orders to list). */
async function loadContact(services: RecordCardServices, source: RecordSource, id: string): Promise<LoadedCard> {
  if (source.type !== 'snapshot') throw new UserError('not-possible', "Only a snapshot's contact opens as a card.");
  const locale = vscode.env.language;
  const db = await services.snapshots.db(source.file);
  const records = contactCardRecords(db, id);
  if (!records) throw new UserError('gone', `${recordTitle('contacts', id)} is not in this snapshot.`);
  const label = recordLabel('contacts', records.contact as unknown as Json).label;
  const documentUri = recordUri(source, 'contacts', id, label);
  const card = contactCard({
    ...records,
    where: `From the snapshot of ${localDateTime(db.meta().finishedAt, locale)}`,
    problems: findingsOn(documentUri),
    locale,
  });
  return { card, documentUri, title: recordTitle('contacts', id, label) };
}
