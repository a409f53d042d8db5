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
exports.registerRestoreCommands = registerRestoreCommands;
/**
 * Restore from VS Code: plan (a whole snapshot, or one order and what it needs), open a plan file,
 * review and apply in the preview, export the id map. Planning reads the live account once; apply
 * runs only from the preview, where the user has seen the plan.
 */
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const counted_1 = require("../../core/counted");
const atomicWrite_1 = require("../../core/fs/atomicWrite");
const ledger_1 = require("../../core/restore/ledger");
const planFile_1 = require("../../core/restore/planFile");
const ledgerIdMap_1 = require("../../core/snapshot/ledgerIdMap");
const applyRestore_1 = require("../../core/usecases/applyRestore");
const planRestore_1 = require("../../core/usecases/planRestore");
const commandIds_1 = require("../commandIds");
const planPanel_1 = require("../planPanel/planPanel");
const userError_1 = require("../userError");
const pickers_1 = require("./pickers");
const cancellableProgress_1 = require("./cancellableProgress");
const register_1 = require("./register");
const walkthroughProgress_1 = require("../walkthroughProgress");
function registerRestoreCommands(context, deps) {
    const { log, connections, snapshots, plans } = deps;
    /**
     * Checks the account first (one request), then reads live, plans against the account's ledger,
     * writes the plan file and records it. Cancelling stops the live read.
     */
    const makePlan = async (snapshotFile, connection, options, signal) => {
        const client = await connections.client(connection.id);
        const { plan, account } = await snapshots.use(snapshotFile, (snapshot) => (0, planRestore_1.planRestoreFromSnapshot)({
            client,
            snapshot,
            snapshotFile,
            options,
            signal,
            // The estimate's pace: the share of the quota the apply will leave to other traffic (the setting).
            reserve: deps.applySettings().reserve,
            confirmOtherAccount: async (from, to) => {
                const ok = await vscode.window.showWarningMessage(`This snapshot is of the account ${from}, and ${connection.name} is ${to}. Plan restoring it into a different account?`, { modal: true }, 'Plan Anyway');
                if (ok !== 'Plan Anyway')
                    throw new vscode.CancellationError();
                return true;
            },
        }));
        await connections.noteAccount(connection.id, account);
        const entry = await plans.save(plan, await snapshots.folder(), connection.id);
        log.info(`Planned restore ${plan.planId} from ${snapshotFile}: ${entry.creates} creates, ${entry.updates} updates (${entry.file})`);
        return { entry, plan };
    };
    /** makePlan in a notification with Cancel (and in the status bar). */
    const planWithProgress = (title, snapshotFile, connection, options) => deps.activity.track(connection.id, 'planning a restore', () => (0, cancellableProgress_1.withCancellableProgress)(title, (signal) => makePlan(snapshotFile, connection, options, signal)));
    const services = {
        extensionUri: context.extensionUri,
        log,
        connections,
        snapshots,
        plans,
        applySettings: deps.applySettings,
        replan: async (entry, plan, options) => {
            const connection = connections.get(entry.connectionId);
            if (!connection || !plan.snapshot.file)
                throw new userError_1.UserError('gone', "The plan's connection or snapshot is gone: plan again from the snapshot.");
            return planWithProgress('Keap Vault: re-planning (reading the live account)…', plan.snapshot.file, connection, {
                ...plan.options,
                ...options,
            });
        },
    };
    const planAndShow = async (snapshotFile, connection, options, title) => {
        const made = await planWithProgress(title, snapshotFile, connection, options);
        planPanel_1.PlanPanel.show(services, made.entry, made.plan);
        (0, walkthroughProgress_1.markDone)(context.globalState, 'planned');
        return made.plan.planId;
    };
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.planRestore, async (node) => {
        const snapshot = await (0, pickers_1.pickSnapshot)(snapshots, node, 'Restore from which snapshot?');
        if (!snapshot)
            return;
        const file = (0, pickers_1.fileOf)(snapshot);
        const connection = await (0, pickers_1.pickConnectionFor)(connections, (await snapshots.db(file)).meta().account, node);
        if (!connection)
            return;
        return planAndShow(file, connection, {}, `Keap Vault: planning the restore into ${connection.name} (reading the live account)…`);
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.restoreOrder, async (node) => {
        if (node?.kind !== 'record' || node.entity !== 'orders' || node.source.type !== 'snapshot') {
            throw new userError_1.UserError('needs-selection', 'Choose an order under a snapshot in the Keap Vault explorer.');
        }
        const file = node.source.file;
        const connection = await (0, pickers_1.pickConnectionFor)(connections, (await snapshots.db(file)).meta().account);
        if (!connection)
            return;
        return planAndShow(file, connection, { records: [`orders:${node.id}`] }, `Keap Vault: planning the restore of order ${node.id}…`);
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.openPlan, async (arg) => {
        const uri = typeof arg === 'string'
            ? vscode.Uri.file(arg)
            : arg instanceof vscode.Uri
                ? arg
                : (await vscode.window.showOpenDialog({ filters: { 'Restore plan': ['json'] }, openLabel: 'Open Plan' }))?.[0];
        if (!uri)
            return;
        const plan = await (0, planFile_1.readPlanFile)(uri.fsPath);
        const known = plans.get(plan.planId);
        const connection = (known && connections.get(known.connectionId)) ?? (await (0, pickers_1.pickConnectionFor)(connections, plan.account));
        if (!connection)
            return;
        const entry = await plans.remember(plan, uri.fsPath, connection.id);
        planPanel_1.PlanPanel.show(services, entry, plan, { checkStale: true });
        return plan.planId;
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.openRestore, async (planIdOrEntry) => {
        const planId = typeof planIdOrEntry === 'string' ? planIdOrEntry : planIdOrEntry?.planId;
        const entry = planId ? plans.get(planId) : undefined;
        if (!entry)
            throw new userError_1.UserError('gone', 'That restore is no longer in the history.');
        if (!(0, node_fs_1.existsSync)(entry.file))
            throw new userError_1.UserError('gone', `The plan file ${entry.file} is gone.`);
        planPanel_1.PlanPanel.show(services, entry, await plans.read(entry), {
            checkStale: !entry.status.startsWith('applied') && entry.status !== 'applying',
        });
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.forgetRestore, async (entry) => {
        if (entry?.planId)
            await plans.forget(entry.planId);
    });
    // Apply happens in the preview, after review; from the palette this brings the preview forward.
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.applyPlan, async () => {
        const latest = plans.list().find((e) => !e.status.startsWith('applied'));
        if (!latest)
            throw new userError_1.UserError('nothing-yet', 'No restore plan to apply: plan one from a snapshot first.');
        await vscode.commands.executeCommand(commandIds_1.COMMANDS.openRestore, latest.planId);
        void vscode.window.showInformationMessage('Keap Vault: review the plan, choose what to restore, and press Apply in the preview.');
    });
    (0, register_1.registerCommand)(context, log, commandIds_1.COMMANDS.exportIdMap, async (ledgerArg, formatArg) => {
        const ledgerFile = typeof ledgerArg === 'string' ? ledgerArg : await pickLedger(plans, snapshots, ledgerArg);
        if (!ledgerFile)
            return;
        if (!(0, node_fs_1.existsSync)(ledgerFile))
            throw new userError_1.UserError('nothing-yet', 'Nothing has been restored into this account yet: there is no id map.');
        const entries = await (0, ledgerIdMap_1.readIdMap)(ledgerFile);
        const target = await vscode.window.showSaveDialog({
            defaultUri: vscode.Uri.file(path.join(path.dirname(ledgerFile), `${path.basename(ledgerFile, '.kvledger')}-idmap.${formatArg ?? 'csv'}`)),
            filters: { CSV: ['csv'], JSON: ['json'] },
            saveLabel: 'Export Id Map',
        });
        if (!target)
            return;
        const json = formatArg === 'json' || (!formatArg && target.fsPath.endsWith('.json'));
        await (0, atomicWrite_1.writeFileAtomic)(target.fsPath, json ? JSON.stringify(entries, null, 2) : (0, ledger_1.idMapCsv)(entries));
        void vscode.window.showInformationMessage(`Keap Vault: id map of ${(0, counted_1.counted)(entries.length, 'record')} written to ${target.fsPath}.`);
        return target.fsPath;
    });
    context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(planPanel_1.PLAN_VIEW_TYPE, planPanel_1.PlanPanel.serializer(services)));
    return services;
}
async function pickLedger(plans, snapshots, entry) {
    const folder = await snapshots.folder();
    const ledgerOf = async (e) => {
        const plan = await plans.read(e).catch(() => undefined);
        return plan ? (0, applyRestore_1.ledgerFileForPlan)(plan, folder) : (0, ledger_1.ledgerFileFor)(folder, e.account);
    };
    if (entry)
        return ledgerOf(entry);
    const accounts = [...new Map(plans.list().map((e) => [e.account, e])).values()];
    if (!accounts.length)
        throw new userError_1.UserError('nothing-yet', 'Nothing has been restored from this VS Code yet: there is no id map.');
    const picked = accounts.length === 1
        ? accounts[0]
        : (await vscode.window.showQuickPick(accounts.map((e) => ({ label: e.account, entry: e })), { placeHolder: 'Id map of which account?' }))?.entry;
    return picked && ledgerOf(picked);
}
//# sourceMappingURL=restoreCommands.js.map