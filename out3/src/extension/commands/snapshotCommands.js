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
exports.registerSnapshotCommands = registerSnapshotCommands;
const node_fs_1 = require("node:fs");
const vscode = __importStar(require("vscode"));
const counted_1 = require("../../core/counted");
const money_1 = require("../../core/money");
const export_1 = require("../../core/snapshot/export");
const query_1 = require("../../core/snapshot/query");
const takeSnapshot_1 = require("../../core/usecases/takeSnapshot");
const commandIds_1 = require("../commandIds");
const recordCardPanel_1 = require("../recordCard/recordCardPanel");
const recordDocuments_1 = require("../recordDocuments");
const userError_1 = require("../userError");
const pickers_1 = require("./pickers");
const register_1 = require("./register");
function registerSnapshotCommands(context, log, connections, snapshots, explorer, activity) {
    const cards = { extensionUri: context.extensionUri, log, connections, snapshots };
    /** One capture per connection at a time: a second start (a double click) joins the running one. */
    const running = new Map();
    const take = async (node, incremental) => {
        const connection = await (0, pickers_1.pickConnection)(connections, node);
        if (!connection)
            return;
        const already = running.get(connection.id);
        if (already) {
            void vscode.window.showInformationMessage(`Keap Vault: a snapshot of ${connection.name} is already being taken.`);
            return already;
        }
        const capture = activity
            .track(connection.id, incremental ? 'taking an incremental snapshot' : 'taking a snapshot', () => snapshotOf(connection, incremental))
            .finally(() => running.delete(connection.id));
        running.set(connection.id, capture);
        return capture;
    };
    const snapshotOf = async (connection, incremental) => {
        const client = await connections.client(connection.id);
        const folder = await snapshots.folder();
        const encrypt = vscode.workspace.getConfiguration('keapVault').get('encryptSnapshots') ?? false;
        const key = encrypt ? await snapshots.key() : undefined;
        if (encrypt && !key)
            throw new userError_1.UserError('not-configured', 'Snapshot encryption is on but no key is set: run "Keap Vault: Set Snapshot Encryption Key…".', 'set-snapshot-key');
        await client.ping();
        const account = client.transport.account;
        await connections.noteAccount(connection.id, account);
        const previous = await snapshots.latest(account);
        if (incremental && !previous)
            throw new userError_1.UserError('nothing-yet', 'No earlier snapshot of this account to start from: take a full snapshot first.');
        const since = incremental && previous ? await snapshots.db(previous.file) : undefined;
        const readKey = await snapshots.key();
        let out;
        const controller = new AbortController();
        const read = (progress, token) => {
            token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
            return (0, takeSnapshot_1.takeSnapshot)({
                client,
                folder,
                account,
                encryptKey: key,
                readKey,
                since,
                anomalyThreshold: vscode.workspace.getConfiguration('keapVault').get('anomalyThreshold') ?? 0.2,
                signal: controller.signal,
                onTarget: (target) => {
                    out = target.file;
                    if (target.resuming)
                        log.info(`Resuming the interrupted snapshot ${target.file}`);
                },
                onProgress: (p) => {
                    progress.report({
                        message: `${p.entity}: ${p.records.toLocaleString('en-US')} records, ${p.requests} requests${p.throttleWaitedMs ? `, waited ${(p.throttleWaitedMs / 1000).toFixed(0)} s for Keap's quota` : ''}`,
                    });
                },
            });
        };
        let result;
        try {
            // The notification has the numbers and Cancel; the explorer shows a progress bar while it runs.
            result = await vscode.window.withProgress({ location: { viewId: 'keapVault.explorer' } }, () => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Snapshot of ${connection.name}`, cancellable: true }, read));
        }
        catch (err) {
            if (!controller.signal.aborted)
                throw err;
            // What was read is kept (unencrypted NDJSON beside the snapshot) so that taking it again resumes.
            const choice = await vscode.window.showInformationMessage(`Keap Vault: snapshot of ${connection.name} cancelled. Take it again to resume where it stopped.`, 'Discard What Was Read');
            if (choice && out)
                await node_fs_1.promises.rm(`${out}.partial`, { recursive: true, force: true });
            return undefined;
        }
        log.info(`Snapshot ${result.file}: ${result.requests} requests, ${JSON.stringify(result.meta.counts)}`);
        snapshots.refresh();
        if (result.anomalies.length) {
            const choice = await vscode.window.showWarningMessage(`Keap Vault: since the previous snapshot, ${result.anomalies.map((a) => a.message).join('; ')}`, 'Compare');
            if (choice === 'Compare' && previous)
                await vscode.commands.executeCommand(commandIds_1.COMMANDS.compareSnapshots, previous.file, result.file);
        }
        else {
            void vscode.window.showInformationMessage(`Keap Vault: snapshot taken (${(result.meta.counts.orders ?? 0).toLocaleString('en-US')} orders, ${result.requests} requests).`);
        }
        return result.file;
    };
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.takeSnapshot, (node) => take(node, false));
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.takeIncrementalSnapshot, (node) => take(node, true));
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.deleteSnapshot, async (node) => {
        const snapshot = await (0, pickers_1.pickSnapshot)(snapshots, node);
        if (!snapshot)
            return;
        const ok = await vscode.window.showWarningMessage(`Delete the snapshot ${(0, pickers_1.fileOf)(snapshot)}? This cannot be undone.`, { modal: true }, 'Delete');
        if (ok === 'Delete')
            await snapshots.delete((0, pickers_1.fileOf)(snapshot));
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.exportSnapshot, async (node) => {
        const snapshot = await (0, pickers_1.pickSnapshot)(snapshots, node);
        if (!snapshot)
            return;
        const format = (await vscode.window.showQuickPick(['csv', 'ndjson', 'json'], { placeHolder: 'Export format' }));
        if (!format)
            return;
        const target = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export here' });
        if (!target?.[0])
            return;
        const result = await snapshots.use((0, pickers_1.fileOf)(snapshot), (db) => (0, export_1.exportSnapshot)(db, { format, outDir: target[0].fsPath }));
        void vscode.window.showInformationMessage(`Keap Vault: exported ${(0, counted_1.counted)(result.files.length, 'file')} to ${target[0].fsPath}.`);
    });
    // An order, and a snapshot's contact, open as a card a person can read (its JSON one click away); other records as JSON.
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.openRecord, async (node) => {
        if (node?.kind !== 'record')
            return;
        if (node.entity === 'orders')
            await recordCardPanel_1.RecordCardPanel.show(cards, node.source, node.id);
        else if (node.entity === 'contacts' && node.source.type === 'snapshot')
            await recordCardPanel_1.RecordCardPanel.show(cards, node.source, node.id, 'contacts');
        else
            await (0, recordDocuments_1.showRecord)((0, recordDocuments_1.recordUri)(node.source, node.entity, node.id, node.label), { preview: true });
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.showRecordJson, async () => {
        const card = recordCardPanel_1.RecordCardPanel.active();
        if (!card)
            throw new userError_1.UserError('needs-selection', 'Open an order or a contact from the Accounts view first.');
        await card.showJson();
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.loadMore, (node) => node?.kind === 'more' && explorer.loadMore(node));
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.refresh, () => explorer.refresh());
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.copyId, async (node) => {
        if (node?.kind === 'record')
            await vscode.env.clipboard.writeText(node.id);
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.goToOrder, async (node) => {
        const snapshot = await (0, pickers_1.pickSnapshot)(snapshots, node, 'Search orders in which snapshot?');
        if (!snapshot)
            return;
        const text = await vscode.window.showInputBox({ prompt: 'Order id, invoice id, contact email or name' });
        if (!text)
            return;
        const found = (0, query_1.searchOrders)(await snapshots.db((0, pickers_1.fileOf)(snapshot)), text, 50);
        if (!found.length)
            return void vscode.window.showInformationMessage(`Keap Vault: no order matches "${text}".`);
        const picked = found.length === 1
            ? { id: found[0].id }
            : await vscode.window.showQuickPick(found.map((o) => ({
                label: `#${o.id}`,
                description: `${o.record.contact?.email ?? ''} ${(0, money_1.formatCurrencyValue)(o.record.total)} ${o.record.order_time?.slice(0, 10) ?? ''}`,
                id: o.id,
            })));
        if (!picked)
            return;
        await recordCardPanel_1.RecordCardPanel.show(cards, { type: 'snapshot', file: (0, pickers_1.fileOf)(snapshot) }, picked.id);
    });
}
//# sourceMappingURL=snapshotCommands.js.map