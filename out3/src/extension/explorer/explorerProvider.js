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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExplorerProvider = void 0;
/**
 * The Accounts view: connections -> Live and Snapshots -> entity types -> records (paged, "Load
 * more…") -> an order's contact, items and payments. Data comes from the core through the
 * connection store and the snapshot library; nothing here talks HTTP or SQL itself. The words of
 * each row (and what a screen reader says) are treeText.ts's; a connection Keap refused shows a
 * warning with Set Credential… as its command.
 */
const vscode = __importStar(require("vscode"));
const entities_1 = require("../../core/entities");
const query_1 = require("../../core/snapshot/query");
const commandIds_1 = require("../commandIds");
const register_1 = require("../commands/register");
const connectionWords_1 = require("../connections/connectionWords");
const nextSteps_1 = require("../nextSteps");
const nodes_1 = require("./nodes");
const treeText_1 = require("./treeText");
const WARNING_ICON = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
const RECORD_ICONS = {
    orders: 'package',
    contacts: 'person',
    payments: 'credit-card',
    order_items: 'tag',
    products: 'symbol-constant',
    companies: 'organization',
    notes: 'note',
};
class ExplorerProvider {
    connections;
    snapshots;
    log;
    changed = new vscode.EventEmitter();
    onDidChangeTreeData = this.changed.event;
    /** Loaded pages per list, so "Load more…" extends instead of reloading. */
    loaded = new Map();
    /** Each node's parent, as getChildren handed it out (getParent, and the ids built from the path). */
    parents = new WeakMap();
    ids = new WeakMap();
    subscriptions = [];
    constructor(connections, snapshots, log) {
        this.connections = connections;
        this.snapshots = snapshots;
        this.log = log;
        this.subscriptions.push(connections.onDidChange(() => this.refresh()), 
        // A credential refused or fixed: redraw the rows (their problem and icon), keep the pages read.
        connections.onDidChangeHealth(() => this.changed.fire(undefined)), snapshots.onDidChange(() => this.refresh()));
    }
    refresh(node) {
        if (!node)
            this.loaded.clear();
        this.changed.fire(node);
    }
    getTreeItem(node) {
        const item = this.item(node);
        // Stable ids: VS Code keeps what is expanded across refreshes, and `reveal` finds a record again.
        item.id = this.idOf(node);
        return item;
    }
    getParent(node) {
        return this.parents.get(node);
    }
    /** The connection a row is under (the status bar shows the one the user works in). */
    connectionOf(node) {
        for (let n = node; n; n = this.parents.get(n)) {
            const id = connectionIdOf(n);
            if (id)
                return id;
        }
        return undefined;
    }
    item(node) {
        const None = vscode.TreeItemCollapsibleState.None;
        const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
        switch (node.kind) {
            case 'connection': {
                const { connection, problem } = node;
                const item = withText(new vscode.TreeItem(connection.name, vscode.TreeItemCollapsibleState.Expanded), (0, treeText_1.connectionText)(connection, problem));
                item.contextValue = problem ? 'connection.problem' : connection.demo ? 'connection.demo' : 'connection';
                if (problem) {
                    item.iconPath = WARNING_ICON;
                    // A click on a connection in trouble fixes it; its lists still open with the twistie or the keyboard.
                    item.command = { command: commandIds_1.COMMANDS.setCredential, title: 'Set Credential…', arguments: [node] };
                }
                else {
                    item.iconPath = new vscode.ThemeIcon(connection.demo ? 'beaker' : 'plug');
                }
                return item;
            }
            case 'live':
                return Object.assign(withText(new vscode.TreeItem(treeText_1.LIVE_TEXT.label, Collapsed), treeText_1.LIVE_TEXT), {
                    contextValue: 'live',
                    iconPath: new vscode.ThemeIcon('cloud'),
                });
            case 'snapshots':
                return Object.assign(withText(new vscode.TreeItem(treeText_1.SNAPSHOTS_TEXT.label, vscode.TreeItemCollapsibleState.Expanded), treeText_1.SNAPSHOTS_TEXT), {
                    contextValue: 'snapshots',
                    iconPath: new vscode.ThemeIcon('archive'),
                });
            case 'snapshot': {
                const text = (0, treeText_1.snapshotText)(node.listing, vscode.env.language);
                return Object.assign(withText(new vscode.TreeItem(text.label, Collapsed), text), {
                    contextValue: 'snapshot',
                    iconPath: new vscode.ThemeIcon(node.listing.encrypted ? 'lock' : 'database'),
                });
            }
            case 'entity': {
                const text = (0, treeText_1.entityText)(node.entity, node.source.type, node.count, node.countAt, vscode.env.language);
                return Object.assign(withText(new vscode.TreeItem(text.label, Collapsed), text), {
                    contextValue: `entity.${node.source.type}`,
                    iconPath: new vscode.ThemeIcon('list-unordered'),
                });
            }
            case 'record': {
                const item = withText(new vscode.TreeItem(node.label, node.expandable ? Collapsed : None), {
                    label: node.label,
                    description: node.description,
                    tooltip: node.spoken,
                    spoken: node.spoken ?? node.label,
                });
                item.contextValue = `record.${node.source.type}.${node.entity}`;
                item.iconPath = new vscode.ThemeIcon(RECORD_ICONS[node.entity] ?? 'symbol-field');
                item.command = { command: commandIds_1.COMMANDS.openRecord, title: 'Open', arguments: [node] };
                return item;
            }
            case 'more': {
                const text = (0, treeText_1.moreText)(node.entity);
                return Object.assign(withText(new vscode.TreeItem(text.label, None), text), {
                    command: { command: commandIds_1.COMMANDS.loadMore, title: text.spoken, arguments: [node] },
                    contextValue: 'more',
                    iconPath: new vscode.ThemeIcon('ellipsis'),
                });
            }
            case 'message': {
                const text = node.warning ? (0, treeText_1.problemRowText)(node.tooltip ?? node.text, node.text) : { label: node.text, spoken: node.text };
                const item = withText(new vscode.TreeItem(text.label, None), text);
                if (node.warning)
                    item.iconPath = WARNING_ICON;
                if (node.command) {
                    item.command = { command: node.command.id, title: node.text, arguments: node.command.args };
                    item.iconPath ??= new vscode.ThemeIcon('play');
                }
                return item;
            }
        }
    }
    async getChildren(node) {
        let children;
        try {
            children = await this.children(node);
        }
        catch (err) {
            if (err instanceof vscode.CancellationError) {
                // Opening a large snapshot was cancelled: nothing was cached, so the row offers to open it again.
                children = [{ kind: 'message', text: 'Opening cancelled: click to open it again', command: { id: commandIds_1.COMMANDS.refresh, args: [] } }];
            }
            else {
                this.log.error(`Explorer: ${(0, register_1.userMessage)(err)}`);
                children = [await this.problemRow(node, err)];
            }
        }
        // A cached page can be shown under two parents (a snapshot listed under two connections): each gets its own nodes.
        children = children.map((child) => (this.parents.has(child) && this.parents.get(child) !== node ? { ...child } : child));
        const seen = new Map();
        for (const child of children) {
            this.parents.set(child, node);
            const id = `${node ? `${this.idOf(node)}/` : ''}${localKey(child)}`;
            const n = seen.get(id) ?? 0; // a live page can repeat a record Keap moved between pages
            seen.set(id, n + 1);
            this.ids.set(child, n ? `${id}#${n}` : id);
        }
        return children;
    }
    idOf(node) {
        const parent = this.parents.get(node);
        return this.ids.get(node) ?? `${parent ? `${this.idOf(parent)}/` : ''}${localKey(node)}`;
    }
    /** What went wrong, as a row with a warning icon; a credential problem carries Set Credential… as its command. */
    async problemRow(node, err) {
        const message = (0, register_1.userMessage)(err);
        const connectionId = node && connectionIdOf(node);
        const connection = connectionId ? this.connectionNode(connectionId) : undefined;
        const fix = (0, nextSteps_1.nextSteps)(err).find((step) => 'command' in step);
        const problem = connection && fix?.command === commandIds_1.COMMANDS.setCredential ? await this.connections.problem(connection.connection.id) : undefined;
        if (problem && connection) {
            const { short } = (0, connectionWords_1.problemText)(problem, connection.connection.name);
            const text = `${short.charAt(0).toUpperCase()}${short.slice(1)}: set it with Set Credential…`;
            return { kind: 'message', text, tooltip: message, warning: true, command: { id: commandIds_1.COMMANDS.setCredential, args: [connection] } };
        }
        return { kind: 'message', text: message, tooltip: message, warning: true, command: fix && { id: fix.command, args: [] } };
    }
    async children(node) {
        if (!node)
            return Promise.all(this.connections.list().map(async (connection) => ({
                kind: 'connection',
                connection,
                problem: await this.connections.problem(connection.id),
            })));
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
                return nodes_1.EXPLORER_ENTITIES.filter((e) => (0, entities_1.entityModule)(e).live).map((entity) => ({
                    kind: 'entity',
                    source: { type: 'live', connectionId: node.connectionId },
                    entity,
                    count: latest?.meta.counts[entity],
                    countAt: latest?.meta.finishedAt,
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
                            command: { id: commandIds_1.COMMANDS.takeSnapshot, args: [this.connectionNode(node.connectionId)] },
                        },
                    ];
            }
            case 'snapshot':
                return nodes_1.EXPLORER_ENTITIES.map((entity) => ({
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
    connectionNode(id) {
        const connection = this.connections.get(id);
        return connection && { kind: 'connection', connection };
    }
    /**
     * A record to reveal that is not on a page read so far goes first in its list, rather than reading
     * every page before it (a snapshot can hold a million orders).
     */
    pin(list, record) {
        const k = key(list.source, list.entity);
        this.loaded.set(k, [record, ...(this.loaded.get(k) ?? [])]);
        this.changed.fire(undefined);
    }
    /** "Load more…" replaces itself with the next page. */
    async loadMore(node) {
        const k = key(node.source, node.entity);
        const before = (this.loaded.get(k) ?? []).filter((n) => n.kind !== 'more');
        const next = await this.fetchPage(node.source, node.entity, node.offset, node.pageToken);
        this.loaded.set(k, [...before, ...next]);
        this.changed.fire(undefined);
    }
    async page(source, entity, k, offset) {
        const cached = this.loaded.get(k);
        if (cached)
            return cached;
        const first = await this.fetchPage(source, entity, offset, undefined);
        this.loaded.set(k, first);
        return first;
    }
    async fetchPage(source, entity, offset = 0, pageToken) {
        if (source.type === 'snapshot') {
            const db = await this.snapshots.db(source.file);
            const rows = (0, query_1.listRecords)(db, entity, {
                offset,
                limit: nodes_1.PAGE_SIZE,
                orderBy: entity === 'orders' ? 'order_time' : 'id',
                descending: entity === 'orders',
            });
            const nodes = rows.map((r) => this.recordNode(source, entity, r.id, r.record));
            if (rows.length === nodes_1.PAGE_SIZE)
                nodes.push({ kind: 'more', source, entity, offset: offset + nodes_1.PAGE_SIZE });
            return nodes;
        }
        const client = await this.connections.client(source.connectionId);
        const module = (0, entities_1.entityModule)(entity);
        const pages = module.pages(client, { pageSize: nodes_1.PAGE_SIZE, pageToken, orderBy: module.live?.orderBy });
        const page = (await pages.next()).value;
        await pages.return(undefined);
        const nodes = (page?.items ?? []).map((r) => this.recordNode(source, entity, module.table.idOf(r), r));
        if (page?.nextPageToken)
            nodes.push({ kind: 'more', source, entity, pageToken: page.nextPageToken });
        return nodes;
    }
    recordNode(source, entity, id, record) {
        const { label, description, spoken } = (0, treeText_1.recordText)(entity, record);
        return { kind: 'record', source, entity, id, label, description, spoken, expandable: entity === 'orders' };
    }
    /** An order's contact, items (with their products) and payments. */
    async orderParts(source, orderId) {
        let order;
        let contact;
        let payments;
        if (source.type === 'snapshot') {
            const details = (0, query_1.orderDetails)(await this.snapshots.db(source.file), orderId);
            if (!details)
                return [{ kind: 'message', text: 'Not in this snapshot' }];
            ({ order } = details);
            contact = details.contact;
            payments = details.payments;
        }
        else {
            const client = await this.connections.client(source.connectionId);
            order = await client.orders.get(orderId);
            payments = [];
            for await (const p of client.orders.payments(orderId))
                payments.push({ ...p, id: p.payment_id ?? p.id });
        }
        const nodes = [];
        const contactId = order.contact?.id;
        if (contactId) {
            nodes.push(contact
                ? this.recordNode(source, 'contacts', contactId, contact)
                : {
                    kind: 'record',
                    source,
                    entity: 'contacts',
                    id: contactId,
                    label: `Contact #${contactId}`,
                    description: source.type === 'snapshot' ? 'missing from the snapshot' : undefined,
                    spoken: `Contact ${contactId}${source.type === 'snapshot' ? ', missing from the snapshot' : ''}`,
                });
        }
        for (const item of order.order_items ?? []) {
            const { label, description, spoken } = (0, treeText_1.orderItemText)(item);
            nodes.push({ kind: 'record', source, entity: 'order_items', id: item.id, label, description, spoken });
        }
        for (const p of payments)
            nodes.push(this.recordNode(source, 'payments', String(p.id), p));
        return nodes;
    }
    dispose() {
        this.subscriptions.forEach((d) => d.dispose());
        this.changed.dispose();
    }
}
exports.ExplorerProvider = ExplorerProvider;
/** The tree item with its words: label, description, tooltip, and the screen reader's label. */
function withText(item, text) {
    item.description = text.description;
    item.tooltip = text.tooltip;
    item.accessibilityInformation = { label: text.spoken };
    return item;
}
/** The connection a node belongs to, where the node says. */
function connectionIdOf(node) {
    switch (node.kind) {
        case 'connection':
            return node.connection.id;
        case 'live':
        case 'snapshots':
            return node.connectionId;
        case 'snapshot':
            return node.connectionId;
        case 'entity':
        case 'record':
        case 'more':
            return node.source.type === 'live' ? node.source.connectionId : undefined;
        default:
            return undefined;
    }
}
/** A node's part of its id, unique among its siblings. */
function localKey(node) {
    switch (node.kind) {
        case 'connection':
            return `connection:${node.connection.id}`;
        case 'live':
        case 'snapshots':
            return node.kind;
        case 'snapshot':
            return `snapshot:${node.listing.file}`;
        case 'entity':
            return `entity:${node.entity}`;
        case 'record':
            return `${node.entity}:${node.id}`;
        case 'more':
            return `more:${node.offset ?? node.pageToken ?? ''}`;
        case 'message':
            return `message:${node.text}`;
    }
}
function key(source, entity) {
    return `${source.type}:${source.type === 'snapshot' ? source.file : source.connectionId}:${entity}`;
}
//# sourceMappingURL=explorerProvider.js.map