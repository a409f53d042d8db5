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
exports.registerCompareCommands = registerCompareCommands;
const vscode = __importStar(require("vscode"));
const liveRead_1 = require("../../core/restore/liveRead");
const diff_1 = require("../../core/snapshot/diff");
const compareSnapshots_1 = require("../../core/usecases/compareSnapshots");
const commandIds_1 = require("../commandIds");
const recordDocuments_1 = require("../recordDocuments");
const pickers_1 = require("./pickers");
const cancellableProgress_1 = require("./cancellableProgress");
const register_1 = require("./register");
/**
 * Compare a snapshot with another snapshot, or with the account as it is now: counts per entity,
 * then any record, a changed one side by side in the diff editor. Records restored under new ids
 * (restore markers, the account's ledger) are their own group, not added and removed.
 */
function registerCompareCommands(context, log, snapshots, connections, activity) {
    /**
     * Restored records are paired through the account's ledger (beside A, or in the snapshot folder
     * where plans keep it); a damaged ledger is logged, and markers alone pair them.
     */
    const compare = async (fileA, b) => snapshots.use(fileA, async (a) => {
        const { diff } = await (0, compareSnapshots_1.compareSnapshots)({
            a,
            fileA,
            b,
            ledgerFolders: [await snapshots.folder()],
            options: { ignore: [...diff_1.VOLATILE_FIELDS], maxChangedRecords: 200 },
            onLedgerWarning: (message) => log.warn(`Compare: ${message}`),
        });
        return diff;
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.compareSnapshots, async (a, b) => {
        const first = await (0, pickers_1.pickSnapshot)(snapshots, a, 'Compare: the earlier snapshot');
        if (!first)
            return;
        const second = await (0, pickers_1.pickSnapshot)(snapshots, b, 'Compare: the later snapshot');
        if (!second)
            return;
        const [fileA, fileB] = [(0, pickers_1.fileOf)(first), (0, pickers_1.fileOf)(second)];
        const diff = await snapshots.use(fileB, (b) => compare(fileA, b));
        return showDiff(diff, { type: 'snapshot', file: fileA }, { type: 'snapshot', file: fileB }, 'earlier ↔ later');
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.compareWithLive, async (node) => {
        const snapshot = await (0, pickers_1.pickSnapshot)(snapshots, node, 'Compare which snapshot with the account now?');
        if (!snapshot)
            return;
        const file = (0, pickers_1.fileOf)(snapshot);
        const account = (await snapshots.db(file)).meta().account;
        const connection = await (0, pickers_1.pickConnectionFor)(connections, account, node);
        if (!connection)
            return;
        const client = await connections.client(connection.id);
        // Reading live costs about one request per 1,000 records of each kind; Cancel stops it.
        const live = await activity.track(connection.id, 'reading the account to compare', () => (0, cancellableProgress_1.withCancellableProgress)(`Keap Vault: reading ${connection.name} to compare`, async (signal) => (await (0, liveRead_1.readLiveAccount)(client, { signal })).db));
        let diff;
        try {
            diff = await compare(file, live);
        }
        finally {
            live.close();
        }
        return showDiff(diff, { type: 'snapshot', file }, { type: 'live', connectionId: connection.id }, 'snapshot ↔ live');
    });
}
/** The differences in a quick pick; the picked record opens (both sides in the diff editor when it changed). */
async function showDiff(diff, left, right, sides) {
    const result = { ...diff.totals, restored: diff.restored };
    const items = [];
    for (const e of diff.entities) {
        if (!e.added.length && !e.removed.length && !e.changedCount && !e.restored.length && !e.markerFields.length)
            continue;
        items.push({
            label: `${e.entity}: ${e.before.toLocaleString('en-US')} -> ${e.after.toLocaleString('en-US')}`,
            kind: vscode.QuickPickItemKind.Separator,
        });
        for (const id of e.removed.slice(0, 100))
            items.push({ label: `$(remove) ${e.entity} ${id}`, description: 'removed', entity: e.entity, id, side: 'a' });
        for (const id of e.added.slice(0, 100))
            items.push({ label: `$(add) ${e.entity} ${id}`, description: 'added', entity: e.entity, id, side: 'b' });
        for (const c of e.changed.slice(0, 100)) {
            const label = c.newId === undefined ? `$(diff) ${e.entity} ${c.id}` : `$(diff) ${e.entity} ${c.id} → ${c.newId} (restored)`;
            items.push({
                label,
                description: c.changes
                    .map((f) => f.path)
                    .slice(0, 4)
                    .join(', '),
                entity: e.entity,
                id: c.id,
                newId: c.newId,
                side: 'both',
            });
        }
        for (const r of e.restored.slice(0, 100)) {
            items.push({
                label: `$(history) ${e.entity} ${r.oldId} → ${r.newId}`,
                description: 'restored under a new id, same as before',
                entity: e.entity,
                id: r.oldId,
                newId: r.newId,
                side: 'both',
            });
        }
        for (const id of e.markerFields.slice(0, 100))
            items.push({
                label: `$(bookmark) ${e.entity} ${id}`,
                description: 'the field a restore added for its markers',
                entity: e.entity,
                id,
                side: 'b',
            });
    }
    const differences = `${diff.totals.added} added, ${diff.totals.removed} removed, ${diff.totals.changed} changed`;
    const restored = diff.restored ? `${diff.restored.toLocaleString('en-US')} restored under new ids` : '';
    const summary = diff.totals.added || diff.totals.removed || diff.totals.changed
        ? `${differences}${restored ? `; ${restored}` : ''}`
        : `0 differences${restored ? ` (${restored})` : ''}`;
    if (!items.length) {
        void vscode.window.showInformationMessage('Keap Vault: both sides hold the same records.');
        return result;
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder: `${summary}: pick a record to see it`, matchOnDescription: true });
    if (!picked?.entity || !picked.id)
        return result;
    const leftUri = (0, recordDocuments_1.recordUri)(left, picked.entity, picked.id);
    const rightUri = (0, recordDocuments_1.recordUri)(right, picked.entity, picked.newId ?? picked.id);
    const title = picked.newId === undefined ? `${picked.entity} ${picked.id}` : `${picked.entity} ${picked.id} → ${picked.newId}`;
    if (picked.side === 'both')
        await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, `${title} (${sides})`);
    else
        await (0, recordDocuments_1.showRecord)(picked.side === 'a' ? leftUri : rightUri);
    return result;
}
//# sourceMappingURL=compareCommands.js.map