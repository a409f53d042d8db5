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
exports.RecordCardPanel = exports.CARD_ENTITIES = exports.RECORD_CARD_VIEW_TYPE = void 0;
/**
 * An order or a contact opened from the Accounts view: a webview card a person can read
 * (orderCard.ts and contactCard.ts have the words; orderRelations.ts the order's graph), one panel
 * per record, with links to the records it ties together, and the raw JSON document one click away
 * (the card's button, or the editor title's Show Raw JSON).
 */
const vscode = __importStar(require("vscode"));
const query_1 = require("../../core/snapshot/query");
const cardProtocol_1 = require("../../webview/recordCard/cardProtocol");
const commandIds_1 = require("../commandIds");
const register_1 = require("../commands/register");
const diagnostics_1 = require("../diagnostics");
const recordLabels_1 = require("../explorer/recordLabels");
const localFormat_1 = require("../localFormat");
const recordDocuments_1 = require("../recordDocuments");
const recordNames_1 = require("../recordNames");
const userError_1 = require("../userError");
const contactCard_1 = require("./contactCard");
const orderCard_1 = require("./orderCard");
const orderRelations_1 = require("./orderRelations");
const recordCardHtml_1 = require("./recordCardHtml");
exports.RECORD_CARD_VIEW_TYPE = 'keapVault.recordCard';
exports.CARD_ENTITIES = ['orders', 'contacts'];
const keyOf = (source, entity, id) => `${source.type === 'snapshot' ? `snapshot:${source.file}` : `live:${source.connectionId}`}|${entity}|${id}`;
class RecordCardPanel {
    services;
    panel;
    source;
    entity;
    id;
    static open = new Map();
    static activePanel;
    /** What the page showed last, as text, and its graph's nodes as announced (the host tests read the card through them). */
    renderedText;
    renderedNodes;
    rendered = new vscode.EventEmitter();
    onDidRender = this.rendered.event;
    card;
    /** The order's JSON document, with its findings. */
    documentUri;
    static of(source, id, entity = 'orders') {
        return RecordCardPanel.open.get(keyOf(source, entity, id));
    }
    /** The card in the active editor group's front, if it is one. */
    static active() {
        return RecordCardPanel.activePanel;
    }
    /** Opens the record's card (or brings it forward, read again). */
    static async show(services, source, id, entity = 'orders') {
        const { card, documentUri, title } = entity === 'contacts' ? await loadContact(services, source, id) : await loadOrder(services, source, id);
        const known = RecordCardPanel.of(source, id, entity);
        if (known) {
            known.update(card, documentUri, title);
            known.panel.reveal();
            return known;
        }
        const panel = vscode.window.createWebviewPanel(exports.RECORD_CARD_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
            enableScripts: true,
            enableFindWidget: true,
            localResourceRoots: [vscode.Uri.joinPath(services.extensionUri, 'dist')],
        });
        return new RecordCardPanel(services, panel, source, entity, id, card, documentUri);
    }
    constructor(services, panel, source, entity, id, card, documentUri) {
        this.services = services;
        this.panel = panel;
        this.source = source;
        this.entity = entity;
        this.id = id;
        this.card = card;
        this.documentUri = documentUri;
        const key = keyOf(source, entity, id);
        RecordCardPanel.open.set(key, this);
        RecordCardPanel.activePanel = this;
        const dist = vscode.Uri.joinPath(services.extensionUri, 'dist');
        panel.webview.html = (0, recordCardHtml_1.recordCardHtml)({
            cspSource: panel.webview.cspSource,
            scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'recordCard.js')).toString(),
            styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'recordCard.css')).toString(),
            title: panel.title,
        });
        panel.webview.onDidReceiveMessage((message) => {
            if ((0, cardProtocol_1.isCardMessage)(message))
                void this.receive(message);
        });
        panel.onDidChangeViewState(({ webviewPanel }) => {
            if (webviewPanel.active)
                RecordCardPanel.activePanel = this;
            else if (RecordCardPanel.activePanel === this)
                RecordCardPanel.activePanel = undefined;
        });
        panel.onDidDispose(() => {
            if (RecordCardPanel.open.get(key) === this)
                RecordCardPanel.open.delete(key);
            if (RecordCardPanel.activePanel === this)
                RecordCardPanel.activePanel = undefined;
            this.rendered.dispose();
        });
    }
    update(card, documentUri, title) {
        this.card = card;
        this.documentUri = documentUri;
        this.panel.title = title;
        this.post({ type: 'card', card });
    }
    post(message) {
        void this.panel.webview.postMessage(message);
    }
    /** Opens the record's raw JSON beside the card. */
    showJson() {
        return (0, recordDocuments_1.showRecord)(this.documentUri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
    async receive(message) {
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
                    if (this.entity !== 'orders')
                        return;
                    const order = { kind: 'record', source: this.source, entity: 'orders', id: this.id, label: `#${this.id}` };
                    await vscode.commands.executeCommand(commandIds_1.COMMANDS.restoreOrder, order);
                    return;
                }
                case 'reveal':
                    await vscode.commands.executeCommand(commandIds_1.COMMANDS.revealRecord, this.source, this.entity, this.id);
                    return;
                case 'open':
                    await this.openLinked(message.link.entity, message.link.id);
                    return;
            }
        }
        catch (err) {
            this.services.log.error(`Record card: ${err.message}`);
            void (0, register_1.showError)(err, this.services.log);
        }
    }
    /** A linked order or contact opens as a card; any other record as its JSON document, named for it. */
    async openLinked(entity, id) {
        if (exports.CARD_ENTITIES.includes(entity)) {
            await RecordCardPanel.show(this.services, this.source, id, entity);
            return;
        }
        const record = this.source.type === 'snapshot' ? (0, query_1.getRecord)(await this.services.snapshots.db(this.source.file), entity, id) : undefined;
        await (0, recordDocuments_1.showRecord)((0, recordDocuments_1.recordUri)(this.source, entity, id, record && (0, recordLabels_1.recordLabel)(entity, record).label), {
            viewColumn: vscode.ViewColumn.Beside,
            preview: true,
        });
    }
}
exports.RecordCardPanel = RecordCardPanel;
/** The findings validation put on a record's document (the same URI: same record, same label), first line each. */
function findingsOn(documentUri) {
    return vscode.languages
        .getDiagnostics(documentUri)
        .filter((d) => d.source === diagnostics_1.FINDING_SOURCE)
        .map((d) => d.message.split('\n')[0]);
}
/** Reads the order (the snapshot, or Keap for a live one) and makes its card, with its relationship graph. */
async function loadOrder(services, source, id) {
    const locale = vscode.env.language;
    let input;
    let relations;
    if (source.type === 'snapshot') {
        const db = await services.snapshots.db(source.file);
        const details = (0, query_1.orderDetails)(db, id);
        if (!details)
            throw new userError_1.UserError('gone', `${(0, recordNames_1.recordTitle)('orders', id)} is not in this snapshot.`);
        input = {
            ...details,
            payments: details.payments,
            source: 'snapshot',
            where: `From the snapshot of ${(0, localFormat_1.localDateTime)(db.meta().finishedAt, locale)}`,
        };
        relations = (0, orderRelations_1.orderRelations)({
            ...input,
            subscriptions: (0, orderRelations_1.contactSubscriptions)(db, details.order.contact?.id),
            state: 'snapshot',
            locale,
        });
    }
    else {
        const client = await services.connections.client(source.connectionId);
        const order = await client.orders.get(id);
        const payments = [];
        for await (const p of client.orders.payments(id))
            payments.push(p);
        const name = services.connections.get(source.connectionId)?.name ?? 'Keap';
        input = {
            order,
            items: (order.order_items ?? []).map((item) => ({ item })),
            payments,
            source: 'live',
            where: `Live from ${name}, read ${(0, localFormat_1.localDateTime)(new Date().toISOString(), locale)}`,
        };
        // Keap's order has no subscriptions of its own to list; the graph shows what the order itself ties together.
        relations = (0, orderRelations_1.orderRelations)({ ...input, subscriptions: [], state: 'live', locale });
    }
    const label = (0, recordLabels_1.recordLabel)('orders', input.order).label;
    const documentUri = (0, recordDocuments_1.recordUri)(source, 'orders', id, label);
    const card = { ...(0, orderCard_1.orderCard)({ ...input, problems: findingsOn(documentUri), locale }), relations };
    return { card, documentUri, title: (0, recordNames_1.recordTitle)('orders', id, label) };
}
/** Reads the contact from the snapshot and makes its card (a live contact opens as its JSON: Keap's contact has no orders to list). */
async function loadContact(services, source, id) {
    if (source.type !== 'snapshot')
        throw new userError_1.UserError('not-possible', "Only a snapshot's contact opens as a card.");
    const locale = vscode.env.language;
    const db = await services.snapshots.db(source.file);
    const records = (0, contactCard_1.contactCardRecords)(db, id);
    if (!records)
        throw new userError_1.UserError('gone', `${(0, recordNames_1.recordTitle)('contacts', id)} is not in this snapshot.`);
    const label = (0, recordLabels_1.recordLabel)('contacts', records.contact).label;
    const documentUri = (0, recordDocuments_1.recordUri)(source, 'contacts', id, label);
    const card = (0, contactCard_1.contactCard)({
        ...records,
        where: `From the snapshot of ${(0, localFormat_1.localDateTime)(db.meta().finishedAt, locale)}`,
        problems: findingsOn(documentUri),
        locale,
    });
    return { card, documentUri, title: (0, recordNames_1.recordTitle)('contacts', id, label) };
}
//# sourceMappingURL=recordCardPanel.js.map