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
exports.KeapIdHover = void 0;
/**
 * Hovering a Keap id in any editor shows the record behind it, from the latest snapshot of the
 * workspace's connection: an order's title, contact, total, status and date; a contact's name and
 * email; a product's name, SKU and price; a tag's name. An id not in that snapshot says so, and when
 * an older snapshot had it, since when it is gone. What a restore did to it is said too. Links open
 * the record from the snapshot, reveal it in the explorer, or look it up live; nothing is asked of Keap
 * unless that last link is used.
 */
const vscode = __importStar(require("vscode"));
const entities_1 = require("../../core/entities");
const idMap_1 = require("../../core/integration/idMap");
const idKinds_1 = require("../../core/integration/idKinds");
const recordSummary_1 = require("../../core/integration/recordSummary");
const commandIds_1 = require("../commandIds");
const idSettings_1 = require("./idSettings");
/** How many snapshots before the latest are searched for an id the latest lacks (each is opened whole). */
const OLDER_SNAPSHOTS_SEARCHED = 3;
/** Markdown's special characters in data (names, titles) become text. */
function esc(text) {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\r?\n/g, ' ');
}
function commandLink(title, command, args) {
    return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}
const when = (l) => l.meta.finishedAt.replace('T', ' ').slice(0, 16);
class KeapIdHover {
    index;
    remaps;
    connections;
    snapshots;
    /** The ids of the document last hovered, for its version. */
    cache;
    constructor(index, remaps, connections, snapshots) {
        this.index = index;
        this.remaps = remaps;
        this.connections = connections;
        this.snapshots = snapshots;
    }
    async provideHover(document, position) {
        if (!(0, idSettings_1.idScanSettings)().enabled || document.uri.scheme === 'keap-vault')
            return undefined;
        const offset = document.offsetAt(position);
        const o = this.occurrencesOf(document).find((x) => offset >= x.offset && offset <= x.offset + x.length);
        if (!o)
            return undefined;
        const range = new vscode.Range(document.positionAt(o.offset), document.positionAt(o.offset + o.length));
        return new vscode.Hover(await this.describe(o), range);
    }
    occurrencesOf(document) {
        const key = document.uri.toString();
        if (this.cache?.uri !== key || this.cache.version !== document.version)
            this.cache = { uri: key, version: document.version, occurrences: this.index.scanText(document) };
        return this.cache.occurrences;
    }
    async describe(o) {
        const md = new vscode.MarkdownString();
        md.isTrusted = { enabledCommands: [commandIds_1.COMMANDS.openRecord, commandIds_1.COMMANDS.revealRecord, commandIds_1.COMMANDS.lookUpIdLive] };
        const { connection, latest, older } = await this.where();
        const label = `${idKinds_1.KIND_LABEL[o.kind]} ${o.id}`;
        const links = [];
        let summary;
        if (!latest) {
            md.appendMarkdown(`**Keap ${esc(label.toLowerCase())}** · no snapshot${connection ? ` of ${esc(connection.name)}` : ''} yet: take one to see the record behind this id.\n\n`);
        }
        else {
            summary = (0, recordSummary_1.summarizeRecord)(await this.snapshots.db(latest.file), o.kind, o.id);
            if (summary) {
                md.appendMarkdown(`**${esc(summary.title)}**\n\n`);
                md.appendMarkdown(`| | |\n|---|---|\n`);
                for (const [name, value] of summary.fields)
                    if (value)
                        md.appendMarkdown(`| ${esc(name)} | ${esc(value)} |\n`);
                md.appendMarkdown(`\n*From the snapshot of ${when(latest)} (${esc(latest.meta.account)}).*\n\n`);
                const node = {
                    kind: 'record',
                    source: { type: 'snapshot', file: latest.file },
                    entity: summary.entity,
                    id: summary.id,
                    label,
                };
                links.push(commandLink('Open the record', commandIds_1.COMMANDS.openRecord, [node]));
                // The explorer lists captured entities only (a subscription plan is under its product).
                if (entities_1.EXPLORER_ENTITIES.includes(summary.entity))
                    links.push(commandLink('Show in the Accounts view', commandIds_1.COMMANDS.revealRecord, [
                        { type: 'snapshot', file: latest.file },
                        summary.entity,
                        summary.id,
                    ]));
            }
            else {
                md.appendMarkdown(`**${esc(label)}** is not in the latest snapshot (${when(latest)}, ${esc(latest.meta.account)}).`);
                md.appendMarkdown(` ${await this.lastSeen(o, older)}\n\n`);
            }
        }
        const remap = this.remaps.table.lookup(o.kind, o.id);
        if (remap)
            md.appendMarkdown(`$(history) ${esc((0, idMap_1.describeRemap)(remap))}.\n\n`);
        const live = this.liveTarget(o.kind, o.id, summary);
        if (connection && live)
            links.push(commandLink('Look it up live', commandIds_1.COMMANDS.lookUpIdLive, [connection.id, live.entity, live.id]));
        if (links.length)
            md.appendMarkdown(links.join(' · '));
        md.supportThemeIcons = true;
        return md;
    }
    /** "It was in the snapshot of 2026-11-02: deleted since." */
    async lastSeen(o, older) {
        for (const listing of older) {
            const db = await this.snapshots.db(listing.file).catch(() => undefined);
            if (db && (0, recordSummary_1.summarizeRecord)(db, o.kind, o.id))
                return `It was in the snapshot of ${when(listing)}: deleted since.`;
        }
        return older.length ? `Nor in the ${older.length === 1 ? 'snapshot' : `${older.length} snapshots`} before it.` : '';
    }
    /** What "look it up live" reads: the record itself (an invoice: its order); kinds Keap lists only inside another have no link. */
    liveTarget(kind, id, summary) {
        if (kind === 'invoice')
            return summary && { entity: 'orders', id: summary.id };
        const entity = idKinds_1.SNAPSHOT_ENTITY_OF[kind];
        return (0, entities_1.isCapturedEntity)(entity) ? { entity, id } : undefined;
    }
    /**
     * The workspace's connection (the `connection` setting; else the only one; else the one whose account
     * has the newest snapshot) and its account's snapshots, newest first.
     */
    async where() {
        const listings = await this.snapshots.list();
        const all = this.connections.list();
        const wanted = (0, idSettings_1.idScanSettings)().connection;
        let connection = wanted ? all.find((c) => c.id === wanted || c.name === wanted) : undefined;
        if (!connection && all.length === 1)
            connection = all[0];
        if (!connection)
            connection = listings.map((l) => all.find((c) => c.account === l.meta.account)).find(Boolean);
        const account = connection?.account ?? listings[0]?.meta.account;
        const ofAccount = listings.filter((l) => l.meta.account === account);
        return { connection, latest: ofAccount[0], older: ofAccount.slice(1, 1 + OLDER_SNAPSHOTS_SEARCHED) };
    }
}
exports.KeapIdHover = KeapIdHover;
//# sourceMappingURL=idHover.js.map