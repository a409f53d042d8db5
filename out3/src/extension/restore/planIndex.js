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
exports.PlanIndex = void 0;
/**
 * The restores this VS Code knows about: every plan made or opened here, where its file is, which
 * connection it targets and how its last apply ended. Kept in global state (no secrets: ids, paths,
 * counts); the plan itself stays in its file and the truth about applied steps in the ledger.
 */
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const planFile_1 = require("../../core/restore/planFile");
const STATE_KEY = 'keapVault.restores';
const UI_KEY = (planId) => `keapVault.restoreUi.${planId}`;
/** Above this many steps with progress, only the receipt is kept (global state is not meant for megabytes). */
const MAX_SAVED_PROGRESS = 5_000;
class PlanIndex {
    state;
    changed = new vscode.EventEmitter();
    onDidChange = this.changed.event;
    constructor(state) {
        this.state = state;
        this.publishContext();
    }
    list() {
        return this.state.get(STATE_KEY, []);
    }
    get(planId) {
        return this.list().find((e) => e.planId === planId);
    }
    /** Writes a new plan into `<snapshot folder>/plans/` and records it. */
    async save(plan, folder, connectionId) {
        const file = path.join(folder, 'plans', `restore-plan-${plan.planId}.json`);
        await node_fs_1.promises.mkdir(path.dirname(file), { recursive: true });
        await (0, planFile_1.writePlanFile)(file, plan);
        return this.remember(plan, file, connectionId);
    }
    /** Records a plan file opened from disk (made here, by the CLI or by a colleague). */
    async remember(plan, file, connectionId) {
        const count = (action) => plan.steps.filter((s) => s.action === action).length;
        const known = this.get(plan.planId);
        const entry = known
            ? { ...known, file, connectionId }
            : {
                planId: plan.planId,
                file,
                connectionId,
                account: plan.account,
                createdAt: plan.createdAt,
                creates: count('create'),
                updates: count('update'),
                status: 'planned',
            };
        await this.put(entry);
        return entry;
    }
    async read(entry) {
        return (0, planFile_1.readPlanFile)(entry.file);
    }
    async setStatus(planId, status, receipt) {
        const entry = this.get(planId);
        if (!entry)
            return;
        const result = receipt && {
            created: receipt.created,
            updated: receipt.updated,
            failed: receipt.failed.length,
            problems: receipt.verification.problems.length,
            finishedAt: receipt.finishedAt,
        };
        await this.put({ ...entry, status, paused: undefined, ...(result ? { result } : {}) });
    }
    /** An applying plan paused for Keap's daily quota (or going again: undefined). */
    async setPaused(planId, paused) {
        const entry = this.get(planId);
        if (!entry || (!paused && !entry.paused))
            return;
        await this.put({ ...entry, paused });
    }
    /** The preview's last state for a plan (selection, filter, progress, receipt), so reopening shows it again. */
    savedUi(planId) {
        return this.state.get(UI_KEY(planId));
    }
    async saveUi(ui) {
        const small = Object.keys(ui.progress).length <= MAX_SAVED_PROGRESS;
        // A big receipt's id map stays in the ledger (Export id map reads it there).
        const receipt = ui.receipt && ui.receipt.idMap.length > MAX_SAVED_PROGRESS ? { ...ui.receipt, idMap: [] } : ui.receipt;
        await this.state.update(UI_KEY(ui.planId), { ...ui, applying: false, progress: small ? ui.progress : {}, receipt });
    }
    /** After a window reload no apply is running here any more: one that was, was interrupted. */
    async markInterrupted() {
        const list = this.list();
        if (!list.some((e) => e.status === 'applying'))
            return;
        await this.state.update(STATE_KEY, list.map((e) => (e.status === 'applying' ? { ...e, status: 'interrupted', paused: undefined } : e)));
        this.fireChanged();
    }
    async forget(planId) {
        await this.state.update(UI_KEY(planId), undefined);
        await this.state.update(STATE_KEY, this.list().filter((e) => e.planId !== planId));
        this.fireChanged();
    }
    async put(entry) {
        await this.state.update(STATE_KEY, [entry, ...this.list().filter((e) => e.planId !== entry.planId)]);
        this.fireChanged();
    }
    fireChanged() {
        this.publishContext();
        this.changed.fire();
    }
    /**
     * Context keys for `when` clauses: the Restores view shows once there is a plan; Review and Apply
     * is offered while one is not applied yet; Export Id Map once an apply ended (there is an id map).
     */
    publishContext() {
        const list = this.list();
        void vscode.commands.executeCommand('setContext', 'keapVault.hasRestores', list.length > 0);
        void vscode.commands.executeCommand('setContext', 'keapVault.hasPendingRestores', list.some((e) => !e.status.startsWith('applied')));
        void vscode.commands.executeCommand('setContext', 'keapVault.hasAppliedRestores', list.some((e) => !!e.result));
    }
    dispose() {
        this.changed.dispose();
    }
}
exports.PlanIndex = PlanIndex;
//# sourceMappingURL=planIndex.js.map