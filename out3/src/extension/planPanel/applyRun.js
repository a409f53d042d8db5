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
exports.ApplyRun = void 0;
/**
 * One apply of a plan from VS Code, independent of the preview that started it: closing the preview
 * does not stop it, and a preview opened again attaches to it (progress, Cancel, the receipt).
 * At most one run per plan in this window; the core's lock keeps it to one per account everywhere.
 */
const node_fs_1 = require("node:fs");
const vscode = __importStar(require("vscode"));
const counted_1 = require("../../core/counted");
const applier_1 = require("../../core/restore/applier");
const lock_1 = require("../../core/restore/lock");
const staleness_1 = require("../../core/restore/staleness");
const applyRestore_1 = require("../../core/usecases/applyRestore");
const sentences_1 = require("../../webview/sentences");
const commandIds_1 = require("../commandIds");
const pausedText_1 = require("../restore/pausedText");
const userError_1 = require("../userError");
class ApplyRun {
    services;
    entry;
    plan;
    stepIds;
    ledgerFile;
    resuming;
    static running = new Map();
    static changed = new vscode.EventEmitter();
    /** A run started, went one step further, or ended. */
    static onDidChange = ApplyRun.changed.event;
    /** Per step id, what Keap answered so far (for a preview that attaches late). */
    progress = {};
    done;
    controller = new AbortController();
    listener;
    static of(planId) {
        return ApplyRun.running.get(planId);
    }
    /** Steps done of those chosen, over the runs into this connection's account (usually one: the lock allows one per account). */
    static countFor(connectionId) {
        const runs = [...ApplyRun.running.values()].filter((r) => r.entry.connectionId === connectionId);
        if (!runs.length)
            return undefined;
        return {
            done: runs.reduce((n, r) => n + r.stepsDone, 0),
            total: runs.reduce((n, r) => n + r.stepIds.length, 0),
        };
    }
    /** Chosen steps Keap has answered for (done, skipped, failed, linked…), not counting one in flight. */
    get stepsDone() {
        return this.stepIds.filter((id) => this.progress[id] && this.progress[id].status !== 'running').length;
    }
    /**
     * Starts applying the chosen create/update steps of a plan. `resuming`: the user already said to
     * continue an apply a closed window cut short, so the lock that window left is broken without
     * asking again (only a lock whose process is gone is ever broken).
     */
    static start(services, entry, plan, stepIds, ledgerFile, options = {}) {
        if (ApplyRun.running.has(plan.planId))
            throw new userError_1.UserError('busy', 'This plan is being applied already.');
        return new ApplyRun(services, entry, plan, stepIds, ledgerFile, !!options.resuming);
    }
    constructor(services, entry, plan, stepIds, ledgerFile, resuming) {
        this.services = services;
        this.entry = entry;
        this.plan = plan;
        this.stepIds = stepIds;
        this.ledgerFile = ledgerFile;
        this.resuming = resuming;
        ApplyRun.running.set(plan.planId, this);
        ApplyRun.changed.fire();
        this.done = this.run().finally(() => {
            ApplyRun.running.delete(plan.planId);
            ApplyRun.changed.fire();
        });
    }
    attach(listener) {
        this.listener = listener;
    }
    detach(listener) {
        if (this.listener === listener)
            this.listener = undefined;
    }
    cancel() {
        this.controller.abort(new applier_1.ApplyCancelledError('Apply cancelled between steps; the ledger is consistent: apply again to continue.'));
    }
    say(message) {
        this.listener?.(message);
    }
    async run() {
        const { plans, log } = this.services;
        const planId = this.plan.planId;
        const before = plans.get(planId)?.status ?? 'planned';
        await plans.setStatus(planId, 'applying');
        let status = 'interrupted';
        try {
            const receipt = await this.apply();
            const problems = (0, applyRestore_1.receiptProblems)(receipt);
            status = problems ? 'applied with problems' : 'applied';
            await plans.setStatus(planId, status, receipt);
            log.info(`Applied plan ${planId}: ${receipt.created} created, ${receipt.updated} updated, ${receipt.linked?.length ?? 0} linked, ${receipt.conflicts?.length ?? 0} conflicts, ${receipt.failed.length} failed, verification ${receipt.verification.problems.length ? 'found differences' : 'ok'} (${receipt.requests} requests)`);
            this.say({ type: 'receipt', receipt });
            this.notifyDone(receipt, problems);
            return receipt;
        }
        catch (err) {
            const message = err.message ?? String(err);
            if (err instanceof staleness_1.StalePlanError) {
                status = 'stale';
                this.say({ type: 'stale', reason: message });
            }
            else {
                // Another apply holds the account: this one never started, so the plan keeps its status.
                if (err instanceof lock_1.ApplyLockedError)
                    status = before;
                this.say({ type: 'error', message });
            }
            log.warn(`Apply of plan ${planId}: ${message}`);
            await plans.setStatus(planId, status);
            return undefined;
        }
    }
    /**
     * The completion notification says what the preview's header says, with the same next steps: the id
     * map, and a compare of the snapshot with the account as it is now.
     */
    notifyDone(receipt, problems) {
        const connection = this.services.connections.get(this.entry.connectionId)?.name ?? this.plan.account;
        const exportIdMap = 'Export Id Map…';
        const compare = 'Compare with Live';
        const snapshotFile = this.plan.snapshot.file;
        const actions = snapshotFile && (0, node_fs_1.existsSync)(snapshotFile) ? [exportIdMap, compare] : [exportIdMap];
        const text = `Keap Vault: ${(0, sentences_1.resultSentence)(receipt)} in ${connection}.${problems ? ` ${(0, counted_1.counted)(problems, 'problem')}: see the preview.` : ''}`;
        const shown = problems ? vscode.window.showWarningMessage(text, ...actions) : vscode.window.showInformationMessage(text, ...actions);
        void shown.then(async (choice) => {
            try {
                if (choice === exportIdMap)
                    await vscode.commands.executeCommand(commandIds_1.COMMANDS.exportIdMap, this.ledgerFile);
                else if (choice === compare)
                    await vscode.commands.executeCommand(commandIds_1.COMMANDS.compareWithLive, snapshotFile);
            }
            catch (err) {
                this.services.log.warn(`After the apply of plan ${this.plan.planId}: ${err.message}`);
            }
        });
    }
    async apply() {
        const { connections, snapshots } = this.services;
        const client = await connections.client(this.entry.connectionId);
        const snapshotFile = this.plan.snapshot.file;
        // Held for the whole apply (days, maybe): verification reads it at the end.
        const held = snapshotFile && (0, node_fs_1.existsSync)(snapshotFile) ? await snapshots.hold(snapshotFile) : undefined;
        try {
            return await this.applyWith(client, held?.db);
        }
        finally {
            held?.release();
        }
    }
    async applyWith(client, snapshot) {
        const { log } = this.services;
        const only = new Set(this.stepIds);
        const ordinal = new Map(this.stepIds.map((id, i) => [id, i]));
        const { reserve } = this.services.applySettings();
        log.info(`Applying plan ${this.plan.planId}: ${(0, counted_1.counted)(this.stepIds.length, 'step')} into ${this.plan.account}, leaving ${Math.round(reserve * 100)}% of Keap's quota to other traffic`);
        let paused;
        const setPaused = (pause) => {
            if (!pause && !paused)
                return;
            paused = pause;
            void this.services.plans.setPaused(this.plan.planId, pause);
        };
        // No progress of its own in the status bar: Keap Vault's one item there says "restoring 12/40" (ApplyRun.countFor).
        const attempt = (breakLock) => (0, applyRestore_1.applyRestorePlan)({
            client,
            plan: this.plan,
            ledgerFile: this.ledgerFile,
            snapshot,
            only,
            // The preview shows what the ledger already holds and asks before a stale lock is broken.
            resume: true,
            breakLock,
            signal: this.controller.signal,
            reserve,
            onProgress: (p) => {
                setPaused(undefined);
                if (!only.has(p.step.id))
                    return;
                this.stepDone(p, ordinal.get(p.step.id));
            },
            // The daily quota is spent: the apply waits for its reset, keeping its lock, lease and ledger.
            onWait: (w) => {
                if (w.kind !== 'paused')
                    return;
                const pause = { until: w.until.toISOString(), stepsLeft: w.stepsLeft };
                setPaused(pause);
                this.say({ type: 'paused', ...pause });
                log.info(`Apply of plan ${this.plan.planId}: ${(0, pausedText_1.pausedText)(pause)} (Keap's daily quota resets at ${pause.until})`);
            },
        }).catch((err) => {
            if (err instanceof applyRestore_1.PlanAccountError)
                throw new userError_1.UserError('wrong-account', `${err.message} Open the plan with a connection to ${err.planAccount}.`);
            throw err;
        });
        try {
            return await attempt(this.resuming);
        }
        catch (err) {
            if (!(err instanceof lock_1.ApplyLockedError) || !err.stale || this.resuming)
                throw err;
            // A window reload or a crash stopped an earlier apply; its ledger says what was done.
            const choice = await vscode.window.showWarningMessage(`An earlier apply on ${this.plan.account} stopped without finishing (process ${err.owner.pid}, started ${err.owner.startedAt}). Resume it? Steps already done are not sent again.`, { modal: true }, 'Resume');
            if (choice !== 'Resume')
                throw err;
            return attempt(true);
        }
    }
    stepDone(p, index) {
        this.progress[p.step.id] = { status: p.status, newId: p.newId, message: p.message };
        ApplyRun.changed.fire();
        this.say({
            type: 'progress',
            stepId: p.step.id,
            status: p.status,
            newId: p.newId,
            message: p.message,
            index,
            total: this.stepIds.length,
        });
    }
}
exports.ApplyRun = ApplyRun;
//# sourceMappingURL=applyRun.js.map