/**
 * The Keap Vault explorer: connections -> Live and Snapshots -> entity types -> records (paged,
 * "Load more…") -> an order's contact, items and payments. Data comes from the core through the
 * connection store and the snapshot library; nothing here talks HTTP or SQL itself.
 */
import * as vscode from 'vscode';
import { entityModule } from '../../core/entities';
import type { KeapOrder } from '../../core/model';
import { formatCurrencyValue } from '../../core/money';
import type { SnapshotEntity } from '../../core/snapshot/entities';
import { listRecords, orderDetails } from '../../core/snapshot/query';
import { COMMANDS } from '../commandIds';
import type { ConnectionStore } from '../connections/connections';
import type { SnapshotLibrary } from '../snapshots';
import { EXPLORER_ENTITIES, PAGE_SIZE, type ExplorerNode, type RecordSource } from './nodes';
import { recordLabel } from './recordLabels';

type Json = Record<string, unknown>;

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Loaded pages per list, so "Load more…" extends instead of reloading. */
  private readonly loaded = new Map<string, ExplorerNode[]>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly connections: ConnectionStore,
    private readonly snapshots: SnapshotLibrary,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      connections.onDidChange(() => this.refresh()),
      snapshots.onDidChange(() => this.refresh()),
    );
  }

  refresh(node?: ExplorerNode): void {
    if (!node) this.loaded.clear();
    this.changed.fire(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const None = vscode.TreeItemCollapsibleState.None;
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'connection': {
        const item = new vscode.TreeItem(node.connection.name, vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.connection.demo ? 'built-in emulator' : node.connection.baseUrl;
        item.contextValue = node.connection.demo ? 'connection.demo' : 'connection';
        item.iconPath = new vscode.ThemeIcon(node.connection.demo ? 'beaker' : 'plug');
        return item;
      }
      case 'live':
        return Object.assign(new vscode.TreeItem('Live', Collapsed), {
          contextValue: 'live',
          iconPath: new vscode.ThemeIcon('cloud'),
          description: 'read from Keap, paged',
        });
      case 'snapshots':
        return Object.assign(new vscode.TreeItem('Snapshots', vscode.TreeItemCollapsibleState.Expanded), {
          contextValue: 'snapshots',
          iconPath: new vscode.ThemeIcon('archive'),
        });
      case 'snapshot': {
        const { meta, bytes, encrypted } = node.listing;
        const item = new vscode.TreeItem(meta.finishedAt.replace('T', ' ').slice(0, 19), Collapsed);
        item.description = `${meta.counts.orders ?? 0} orders, ${meta.counts.contacts ?? 0} contacts, ${(bytes / 1024 / 1024).toFixed(1)} MiB${encrypted ? ', encrypted' : ''}${meta.incrementalFrom ? ', incremental' : ''}`;
        item.tooltip = `${node.listing.file}\nsnapshot ${meta.snapshotId}`;
        item.contextValue = 'snapshot';
        item.iconPath = new vscode.ThemeIcon(encrypted ? 'lock' : 'database');
        return item;
      }
      case 'entity': {
        const item = new vscode.TreeItem(node.entity.replace('_', ' '), Collapsed);
        item.description =
          node.count === undefined
            ? undefined
            : node.source.type === 'live'
              ? `${node.count.toLocaleString('en-US')} at the last snapshot`
              : node.count.toLocaleString('en-US');
        if (node.source.type === 'live')
          item.tooltip =
            "Keap's API has no counts; this is how many the latest snapshot of this account held. Expand to read the live records, 50 a page.";
        item.contextValue = `entity.${node.source.type}`;
        item.iconPath = new vscode.ThemeIcon('list-unordered');
        return item;
      }
      case 'record': {
        const item = new vscode.TreeItem(node.label, node.expandable ? Collapsed : None);
        item.description = node.description;
        item.contextValue = `record.${node.source.type}.${node.entity}`;
        item.iconPath = new vscode.ThemeIcon(
          node.entity === 'orders'
            ? 'package'
            : node.entity === 'contacts'
              ? 'person'
              : node.entity === 'payments'
                ? 'credit-card'
                : 'symbol-field',
        );
        item.command = { command: COMMANDS.openRecord, title: 'Open', arguments: [node] };
        item.tooltip = `${node.entity} ${node.id}`;
        return item;
      }
      case 'more':
        return Object.assign(new vscode.TreeItem('Load more…', None), {
          command: { command: COMMANDS.loadMore, title: 'Load more', arguments: [node] },
          contextValue: 'more',
          iconPath: new vscode.ThemeIcon('ellipsis'),
        });
      case 'message': {
        const item = new vscode.TreeItem(node.text, None);
        if (node.command) {
          item.command = { command: node.command.id, title: node.text, arguments: node.command.args };
          item.iconPath = new vscode.ThemeIcon('play');
        }
        return item;
      }
    }
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    try {
      return await this.children(node);
    } catch (err) {
      this.log.error(`Explorer: ${(err as Error).message}`);
      return [{ kind: 'message', text: `⚠ ${(err as Error).message}` }];
    }
  }

  private async children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.connections.list().map((connection) => ({ kind: 'connection', connection }));
    switch (node.kind) {
      case 'connection':
        return [
          { kind: 'live', connectionId: node.connection.id },
          { kind: 'snapshots', connectionId: node.connection.id },
        ];
      case 'live': {
        // Keap v2 lists carry no totals and counting means reading everything: show the latest snapshot's counts, at no request.
        const account = this.connections.get(node.connectionId)?.account;
        const latest = account ? await this.snapshots.latest(account) : undefined;
        return EXPLORER_ENTITIES.filter((e) => entityModule(e).live).map((entity) => ({
          kind: 'entity',
          source: { type: 'live', connectionId: node.connectionId },
          entity,
          count: latest?.meta.counts[entity],
        }));
      }
      case 'snapshots': {
        // Once the connection's account is known, only its snapshots; before, every snapshot in the folder.
        const account = this.connections.get(node.connectionId)?.account;
        const listings = (await this.snapshots.list()).filter((l) => !account || l.meta.account === account);
        return listings.length
          ? listings.map((listing) => ({ kind: 'snapshot', listing, connectionId: node.connectionId }))
          : [
              {
                kind: 'message',
                text: 'No snapshots yet: take one',
                command: { id: COMMANDS.takeSnapshot, args: [this.connectionNode(node.connectionId)] },
              },
            ];
      }
      case 'snapshot':
        return EXPLORER_ENTITIES.map((entity) => ({
          kind: 'entity',
          source: { type: 'snapshot', file: node.listing.file },
          entity,
          count: node.listing.meta.counts[entity] ?? 0,
        }));
      case 'entity':
        return this.page(node.source, node.entity, key(node.source, node.entity), undefined);
      case 'record':
        return node.entity === 'orders' ? this.orderParts(node.source, node.id) : [];
      default:
        return [];
    }
  }

  /**
   * The node above a node of a snapshot's lists, for TreeView.reveal (which finds each node again by
   * its label among its parent's children): record -> entity -> snapshot -> Snapshots -> connection.
   */
  async getParent(node: ExplorerNode): Promise<ExplorerNode | undefined> {
    switch (node.kind) {
      case 'record':
      case 'more':
        return node.source.type === 'snapshot' ? { kind: 'entity', source: node.source, entity: node.entity } : undefined;
      case 'entity': {
        if (node.source.type !== 'snapshot') return undefined;
        const file = node.source.file;
        const listing = (await this.snapshots.list()).find((l) => l.file === file);
        const connection = listing && this.connectionOf(listing.meta.account);
        return listing && { kind: 'snapshot', listing, connectionId: connection?.id };
      }
      case 'snapshot':
        return node.connectionId ? { kind: 'snapshots', connectionId: node.connectionId } : undefined;
      case 'snapshots':
        return this.connectionNode(node.connectionId);
      default:
        return undefined;
    }
  }

  /**
   * A record of a snapshot as the tree lists it, loading "Load more…" pages until it is there (the
   * tree lists a snapshot's records 50 at a time); undefined when the snapshot does not hold it.
   */
  async loadedRecord(file: string, entity: SnapshotEntity, id: string): Promise<ExplorerNode | undefined> {
    const source: RecordSource = { type: 'snapshot', file };
    const k = key(source, entity);
    let nodes = await this.page(source, entity, k, undefined);
    for (;;) {
      const found = nodes.find((n) => n.kind === 'record' && n.id === id);
      if (found) return found;
      const more = nodes[nodes.length - 1];
      if (more?.kind !== 'more') return undefined;
      await this.loadMore(more);
      nodes = this.loaded.get(k) ?? [];
    }
  }

  /** The connection the tree lists a snapshot of `account` under. */
  private connectionOf(account: string) {
    const all = this.connections.list();
    return all.find((c) => c.account === account) ?? all.find((c) => !c.account);
  }

  private connectionNode(id: string): ExplorerNode | undefined {
    const connection = this.connections.get(id);
    return connection && { kind: 'connection', connection };
  }

  /** "Load more…" replaces itself with the next page. */
  async loadMore(node: Extract<ExplorerNode, { kind: 'more' }>): Promise<void> {
    const k = key(node.source, node.entity);
    const before = (this.loaded.get(k) ?? []).filter((n) => n.kind !== 'more');
    const next = await this.fetchPage(node.source, node.entity, node.offset, node.pageToken);
    this.loaded.set(k, [...before, ...next]);
    this.changed.fire(undefined);
  }

  private async page(source: RecordSource, entity: SnapshotEntity, k: string, offset: number | undefined): Promise<ExplorerNode[]> {
    const cached = this.loaded.get(k);
    if (cached) return cached;
    const first = await this.fetchPage(source, entity, offset, undefined);
    this.loaded.set(k, first);
    return first;
  }

  private async fetchPage(source: RecordSource, entity: SnapshotEntity, offset = 0, pageToken?: string): Promise<ExplorerNode[]> {
    if (source.type === 'snapshot') {
      const db = await this.snapshots.db(source.file);
      const rows = listRecords<Json>(db, entity, {
        offset,
        limit: PAGE_SIZE,
        orderBy: entity === 'orders' ? 'order_time' : 'id',
        descending: entity === 'orders',
      });
      const nodes: ExplorerNode[] = rows.map((r) => this.recordNode(source, entity, r.id, r.record));
      if (rows.length === PAGE_SIZE) nodes.push({ kind: 'more', source, entity, offset: offset + PAGE_SIZE });
      return nodes;
    }
    const client = await this.connections.client(source.connectionId);
    const module = entityModule(entity);
    const pages = module.pages(client, { pageSize: PAGE_SIZE, pageToken, orderBy: module.live?.orderBy });
    const page = (await pages.next()).value;
    await pages.return(undefined);
    const nodes: ExplorerNode[] = (page?.items ?? []).map((r: Json) => this.recordNode(source, entity, module.table.idOf(r), r));
    if (page?.nextPageToken) nodes.push({ kind: 'more', source, entity, pageToken: page.nextPageToken });
    return nodes;
  }

  private recordNode(source: RecordSource, entity: SnapshotEntity, id: string, record: Json): ExplorerNode {
    const { label, description } = recordLabel(entity, record);
    return { kind: 'record', source, entity, id, label, description, expandable: entity === 'orders' };
  }

  /** An order's contact, items (with their products) and payments. */
  private async orderParts(source: RecordSource, orderId: string): Promise<ExplorerNode[]> {
    let order: KeapOrder | undefined;
    let contact: Json | undefined;
    let payments: Json[];
    if (source.type === 'snapshot') {
      const details = orderDetails(await this.snapshots.db(source.file), orderId);
      if (!details) return [{ kind: 'message', text: 'Not in this snapshot' }];
      ({ order } = details);
      contact = details.contact;
      payments = details.payments;
    } else {
      const client = await this.connections.client(source.connectionId);
      order = await client.orders.get(orderId);
      payments = [];
      for await (const p of client.orders.payments(orderId)) payments.push({ ...p, id: p.payment_id ?? p.id });
    }
    const nodes: ExplorerNode[] = [];
    const contactId = order!.contact?.id;
    if (contactId) {
      nodes.push(
        contact
          ? this.recordNode(source, 'contacts', contactId, contact)
          : {
              kind: 'record',
              source,
              entity: 'contacts',
              id: contactId,
              label: `Contact #${contactId}`,
              description: source.type === 'snapshot' ? 'missing from the snapshot' : undefined,
            },
      );
    }
    for (const item of order!.order_items ?? []) {
      nodes.push({
        kind: 'record',
        source,
        entity: 'order_items',
        id: item.id,
        label: `${item.name ?? item.product?.name ?? 'Item'} × ${item.quantity ?? 1}`,
        description: `${formatCurrencyValue(item.price_per_unit)}${item.product?.id ? ` · product #${item.product.id}` : ''}`,
      });
    }
    for (const p of payments) nodes.push(this.recordNode(source, 'payments', String(p.id), p));
    return nodes;
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.changed.dispose();
  }
}

function key(source: RecordSource, entity: SnapshotEntity): string {
  return `${source.type}:${source.type === 'snapshot' ? source.file : source.connectionId}:${entity}`;
}
