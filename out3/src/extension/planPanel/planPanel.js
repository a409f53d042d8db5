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
exports.PlanPanel = exports.PLAN_VIEW_TYPE = void 0;
/**
 * The restore-plan preview as a VS Code webview panel: the host side of the protocol in
 * src/webview/protocol.ts. One panel per plan. The page is built by planPanelHtml (strict CSP, a
 * fresh nonce per load, resources only from dist/; see panelWebview); the plan is sent after the
 * page says `ready`, and sent again on every `ready` (a hidden panel's page is discarded and reloads
 * when shown; pageChannel holds what is said meanwhile).
 *
 * The host keeps its own copy of the UI state (the webview's last setState plus the progress and
 * receipt of an apply that may run while the panel is hidden, see hostUiState) and gives it back in
 * `init`; panelSerializer revives panels after a reload of the window from the plan file named in
 * the index. This class dispatches what the page says: apply (applyRun), re-plan, the staleness
 * check (staleCheck), opening records (openRecord), the id-map export and the compare with live.
 * Apply is confirmed here, in VS Code's own modal (applyConfirm), never in the page; the records are
 * named for the page from the snapshot (stepFacts).
 */
const node_fs_1 = require("node:fs");
const vscode = __importStar(require("vscode"));
const entities_1 = require("../../core/entities");
const query_1 = require("../../core/snapshot/query");
const protocol_1 = require("../../webview/protocol");
const state_1 = require("../../webview/state");
const commandIds_1 = require("../commandIds");
const applyRestore_1 = require("../../core/usecases/applyRestore");
const userError_1 = require("../userError");
const applyConfirm_1 = require("./applyConfirm");
const lookAlike_1 = require("./lookAlike");
const orderRelations_1 = require("../recordCard/orderRelations");
const applyRun_1 = require("./applyRun");
const hostUiState_1 = require("./hostUiState");
const openRecord_1 = require("./openRecord");
const pageChannel_1 = require("./pageChannel");
const panelSerializer_1 = require("./panelSerializer");
const panelWebview_1 = require("./panelWebview");
const staleCheck_1 = require("./staleCheck");
const stepFacts_1 = require("./stepFacts");
exports.PLAN_VIEW_TYPE = 'keapVault.planPreview';
class PlanPanel {
    services;
    panel;
    entry;
    plan;
    static panels = new Map();
    page;
    disposed = false;
    /** A re-plan is running: apply and another re-plan wait for it. */
    replanning = false;
    /** Bumped when an apply or re-plan starts, so a staleness check begun before it does not speak after. */
    generation = 0;
    ui;
    stale;
    onRun = (message) => this.runSaid(message);
    disposables = [];
    /** The records named for the page (read from the snapshot once per plan). */
    facts;
    /** The modal is open: a second Apply waits for its answer instead of asking twice. */
    confirming = false;
    /**
     * Asks before an apply writes anything (VS Code's modal). Replaced by host tests, which cannot
     * press a button in the workbench's dialog: `panel.confirmApply = async () => false`.
     */
    confirmApply = applyConfirm_1.confirmInModal;
    /** Opens (or reveals) the preview of a plan. `checkStale`: re-read live first (a plan opened later). */
    static show(services, entry, plan, options = {}) {
        const open = PlanPanel.panels.get(entry.planId);
        if (open) {
            open.panel.reveal();
            return open;
        }
        const panel = vscode.window.createWebviewPanel(exports.PLAN_VIEW_TYPE, (0, panelWebview_1.titleOf)(plan, { connection: services.connections.get(entry.connectionId)?.name ?? plan.account }), vscode.ViewColumn.Active, (0, panelWebview_1.webviewOptions)(services.extensionUri));
        const created = new PlanPanel(services, panel, entry, plan, services.plans.savedUi(plan.planId));
        if (options.checkStale)
            void created.checkStale();
        return created;
    }
    /** The serializer: a panel VS Code restores after a window reload, with the webview's saved state. */
    static serializer(services) {
        return (0, panelSerializer_1.planPanelSerializer)(services, (panel, entry, plan, ui) => new PlanPanel(services, panel, entry, plan, ui));
    }
    /** The open preview of a plan (for tests and commands). */
    static of(planId) {
        return PlanPanel.panels.get(planId);
    }
    constructor(services, panel, entry, plan, savedUi) {
        this.services = services;
        this.panel = panel;
        this.entry = entry;
        this.plan = plan;
        this.page = new pageChannel_1.PageChannel(panel.webview);
        this.facts = this.loadFacts(plan);
        this.ui = savedUi?.planId === plan.planId ? { ...savedUi, applying: false } : undefined;
        PlanPanel.panels.set(plan.planId, this);
        this.attachToRun();
        panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'keap-vault.svg');
        this.disposables.push(panel.webview.onDidReceiveMessage((message) => {
            // The page is untrusted input: only the message shapes the protocol defines get through.
            if ((0, protocol_1.isWebviewMessage)(message))
                void this.receive(message);
            else
                this.services.log.warn(`Plan preview: ignored a malformed message of type ${JSON.stringify(String(message?.type)).slice(0, 60)}`);
        }), panel.onDidChangeViewState(() => {
            if (!panel.visible)
                this.page.notListening();
        }), panel.onDidDispose(() => this.dispose()));
        panel.webview.html = (0, panelWebview_1.pageHtml)(panel.webview, services.extensionUri, this.title());
        this.panel.title = this.title();
    }
    get connectionName() {
        return this.services.connections.get(this.entry.connectionId)?.name ?? this.plan.account;
    }
    /** The tab's title, status first: "Restore plan: …", "Applying: …", "Restored …", "Applied with problems …". */
    title() {
        return (0, panelWebview_1.titleOf)(this.plan, { connection: this.connectionName, ui: this.ui, applying: this.isApplying, stale: !!this.stale });
    }
    /** Names for the plan's records from its snapshot; none (the plan's own labels) when it is not at hand. */
    async loadFacts(plan) {
        try {
            const file = plan.snapshot.file;
            if (!file || !(0, node_fs_1.existsSync)(file))
                return new Map();
            const db = await this.services.snapshots.db(file);
            return (0, stepFacts_1.planFacts)(plan, (entity, id) => ((0, entities_1.isCapturedEntity)(entity) ? (0, query_1.getRecord)(db, entity, id) : undefined), vscode.env.language);
        }
        catch (err) {
            this.services.log.warn(`Plan ${plan.planId}: records not named from the snapshot: ${err.message}`);
            return new Map();
        }
    }
    context() {
        return { connection: this.connectionName, locale: vscode.env.language };
    }
    get planId() {
        return this.plan.planId;
    }
    /** The host's copy of the preview's state: what the user selected and what apply did. */
    get state() {
        return this.ui;
    }
    get isApplying() {
        return !!applyRun_1.ApplyRun.of(this.plan.planId);
    }
    /** An apply of this plan still running (started from this preview or an earlier one): show it. */
    attachToRun() {
        const run = applyRun_1.ApplyRun.of(this.plan.planId);
        if (!run)
            return;
        run.attach(this.onRun);
        this.ui = { ...(this.ui ?? (0, hostUiState_1.freshUi)(this.plan.planId, [])), applying: true, progress: { ...this.ui?.progress, ...run.progress } };
    }
    post(message) {
        this.page.post(message);
    }
    async initMessage() {
        const facts = await this.facts;
        const view = (0, state_1.toPlanView)(this.plan);
        view.steps = view.steps.map((s) => (facts.has(s.id) ? { ...s, facts: facts.get(s.id) } : s));
        return { type: 'init', plan: view, stale: this.stale, state: this.ui, context: this.context() };
    }
    /** Everything the page says arrives here; exposed so the host tests drive the same path. */
    async receive(message) {
        try {
            switch (message?.type) {
                case 'ready': {
                    const init = await this.initMessage();
                    this.page.listening(() => init);
                    return;
                }
                case 'setState':
                    if (message.state?.planId !== this.plan.planId)
                        return;
                    // Apply's progress and receipt are the host's to say; the rest is the user's.
                    this.ui = { ...(0, state_1.mergeUiState)(this.plan.planId, message.state, this.ui), applying: this.isApplying };
                    return;
                case 'apply':
                    await this.apply(message.stepIds);
                    return;
                case 'cancelApply':
                    applyRun_1.ApplyRun.of(this.plan.planId)?.cancel();
                    return;
                case 'exportIdMap':
                    await vscode.commands.executeCommand(commandIds_1.COMMANDS.exportIdMap, await this.ledgerFile(), message.format);
                    return;
                case 'compareLookAlike':
                    await this.compareLookAlike(message.stepId);
                    return;
                case 'showRelations':
                    this.post({ type: 'relations', stepId: message.stepId, graph: await this.relationsOf(message.stepId) });
                    return;
                case 'compareWithLive':
                    if (!this.plan.snapshot.file || !(0, node_fs_1.existsSync)(this.plan.snapshot.file))
                        throw new userError_1.UserError('gone', 'The snapshot this plan was made from is not on this machine: compare it from the explorer.');
                    await vscode.commands.executeCommand(commandIds_1.COMMANDS.compareWithLive, this.plan.snapshot.file);
                    return;
                case 'openRecord':
                    await (0, openRecord_1.openPlanRecord)(this.plan, this.entry.connectionId, this.ui, message.entity, message.id, message.where);
                    return;
                case 'replan':
                    try {
                        await this.replan(message.options);
                    }
                    catch (err) {
                        if (!(err instanceof vscode.CancellationError))
                            throw err;
                    }
                    return;
                default:
                    this.services.log.warn(`Plan preview: ignored an unknown message ${JSON.stringify(message?.type)}`);
            }
        }
        catch (err) {
            this.services.log.error(`Plan preview (${message?.type}): ${err.message}`);
            this.post({ type: 'error', message: err.message });
        }
    }
    /**
     * A likely duplicate order side by side: the snapshot's (from the snapshot file) and the live one the
     * plan matched (one read of it and its payments from Keap), for the link-or-create decision.
     */
    async compareLookAlike(stepId) {
        const step = this.plan.steps.find((s) => s.id === stepId);
        if (step?.action !== 'conflict' || step.entity !== 'orders' || !step.liveId)
            throw new userError_1.UserError('not-possible', 'Only a likely duplicate order can be compared side by side.');
        const file = this.plan.snapshot.file;
        if (!file || !(0, node_fs_1.existsSync)(file))
            throw new userError_1.UserError('gone', 'The snapshot this plan was made from is not on this machine.');
        const saved = (0, query_1.orderDetails)(await this.services.snapshots.db(file), step.oldId);
        if (!saved)
            throw new userError_1.UserError('gone', `The snapshot has no order #${step.oldId}.`);
        const client = await this.services.connections.client(this.entry.connectionId);
        const live = await client.orders.get(step.liveId);
        const livePayments = [];
        for await (const p of client.orders.payments(step.liveId))
            livePayments.push({ amount: p.amount, time: p.pay_time });
        const locale = vscode.env.language;
        this.post({
            type: 'lookAlike',
            stepId,
            sides: [
                (0, lookAlike_1.orderSide)(`In the snapshot: order #${step.oldId}`, saved.order, saved.payments.map((p) => ({ amount: p.amount, time: p.payment_time })), locale),
                (0, lookAlike_1.orderSide)(`In the account: order #${step.liveId}`, live, livePayments, locale),
            ],
        });
    }
    /**
     * An order step's relationship graph, read from the plan's snapshot: the page knows the plan, the
     * progress and the receipt, and paints on it what exists live, what will be created and the new ids.
     * Public for the host tests, which read the graph the page is sent.
     */
    async relationsOf(stepId) {
        const step = this.plan.steps.find((s) => s.id === stepId);
        if (step?.entity !== 'orders')
            throw new userError_1.UserError('not-possible', 'Only an order has a relationship view.');
        const file = this.plan.snapshot.file;
        if (!file || !(0, node_fs_1.existsSync)(file))
            throw new userError_1.UserError('gone', 'The snapshot this plan was made from is not on this machine.');
        const db = await this.services.snapshots.db(file);
        const saved = (0, query_1.orderDetails)(db, step.oldId);
        if (!saved)
            throw new userError_1.UserError('gone', `The snapshot has no order #${step.oldId}.`);
        return (0, orderRelations_1.orderRelations)({
            ...saved,
            payments: saved.payments,
            subscriptions: (0, orderRelations_1.contactSubscriptions)(db, saved.order.contact?.id),
            state: 'snapshot',
            locale: vscode.env.language,
        });
    }
    async ledgerFile() {
        return (0, applyRestore_1.ledgerFileForPlan)(this.plan, await this.services.snapshots.folder());
    }
    /**
     * Re-reads live and tells the page whether Apply may run. Says nothing if an apply or re-plan began
     * meanwhile (its own writes would look like changes), or if the preview was closed.
     */
    async checkStale() {
        const generation = this.generation;
        const plan = this.plan;
        try {
            const reason = await (0, staleCheck_1.staleReason)(this.services.connections, this.entry, plan, () => this.ledgerFile());
            if (this.disposed || generation !== this.generation || this.isApplying || !reason)
                return false;
            this.markStale(reason);
            return true;
        }
        catch (err) {
            const message = `Could not check whether the plan is still current: ${err.message}`;
            this.services.log.warn(`Plan ${plan.planId}: ${message}`);
            if (!this.disposed && generation === this.generation)
                this.post({ type: 'error', message });
            return false;
        }
    }
    markStale(reason) {
        this.stale = { reason };
        const status = this.services.plans.get(this.plan.planId)?.status;
        if (status === 'planned' || status === 'interrupted')
            void this.services.plans.setStatus(this.plan.planId, 'stale');
        this.post({ type: 'stale', reason });
        this.panel.title = this.title();
    }
    async apply(stepIds) {
        if (this.replanning)
            throw new userError_1.UserError('busy', 'Wait for the re-plan to finish.');
        if (this.isApplying)
            throw new userError_1.UserError('busy', 'This plan is being applied already.');
        if (this.stale)
            throw new userError_1.UserError('stale', this.stale.reason);
        if (this.confirming)
            return undefined;
        const actionable = new Set(this.plan.steps.filter((s) => s.action === 'create' || s.action === 'update').map((s) => s.id));
        const chosen = stepIds.filter((id) => actionable.has(id));
        if (!chosen.length)
            throw new userError_1.UserError('needs-selection', 'Nothing selected to apply.');
        const plan = this.plan;
        const chosenSet = new Set(chosen);
        this.confirming = true;
        let confirmed;
        try {
            confirmed = await this.confirmApply((0, applyConfirm_1.applyConfirmation)(this.connectionName, plan.steps.filter((s) => chosenSet.has(s.id))));
        }
        finally {
            this.confirming = false;
        }
        // Cancel: nothing was sent and nothing changes, in the host's state or the page's.
        if (!confirmed)
            return undefined;
        // The plan may have been re-planned or found stale while the modal was open: that plan is not the one confirmed.
        if (this.plan !== plan)
            throw new userError_1.UserError('stale', 'The plan changed while Apply was asking: review the new plan and apply again.');
        // (TypeScript keeps its narrowing of `this.stale` across the await; the staleness check may have run meanwhile.)
        const staleNow = this.stale;
        if (staleNow)
            throw new userError_1.UserError('stale', staleNow.reason);
        if (this.isApplying)
            throw new userError_1.UserError('busy', 'This plan is being applied already.');
        return this.startRun(chosen);
    }
    /**
     * Continues an apply that a closed window cut short, after the user said Resume when a window
     * opened (resumePrompt.ts): the steps it was applying, without asking again; the ledger skips what
     * is done and looks up in Keap what was in flight.
     */
    async resumeApply() {
        if (this.isApplying)
            return applyRun_1.ApplyRun.of(this.plan.planId)?.done;
        if (this.stale)
            throw new userError_1.UserError('stale', this.stale.reason);
        const actionable = this.plan.steps.filter((s) => s.action === 'create' || s.action === 'update').map((s) => s.id);
        const saved = new Set(this.ui?.selected ?? []);
        const chosen = saved.size ? actionable.filter((id) => saved.has(id)) : actionable;
        if (!chosen.length)
            throw new userError_1.UserError('needs-selection', 'Nothing was being applied.');
        return this.startRun(chosen, { resuming: true });
    }
    async startRun(chosen, options = {}) {
        this.generation++;
        const run = applyRun_1.ApplyRun.start(this.services, this.entry, this.plan, chosen, await this.ledgerFile(), options);
        this.ui = { ...(this.ui ?? (0, hostUiState_1.freshUi)(this.plan.planId, chosen)), selected: chosen, receipt: undefined };
        // Kept now, not only when the preview closes: a window that dies mid-apply can then resume these steps.
        void this.services.plans.saveUi(this.ui);
        this.attachToRun();
        this.post({ type: 'applyStarted', total: chosen.length });
        this.panel.title = this.title();
        return run.done;
    }
    /** What the running apply says, for this preview (kept in the host's state, posted when the page listens). */
    runSaid(message) {
        this.ui = (0, hostUiState_1.uiAfterRunMessage)(this.ui ?? (0, hostUiState_1.freshUi)(this.plan.planId, []), message);
        if (message.type === 'receipt')
            void this.services.plans.saveUi(this.ui);
        if (message.type === 'stale')
            this.stale = { reason: message.reason };
        if (this.disposed)
            return;
        this.post(message);
        if (message.type !== 'progress' && message.type !== 'paused')
            this.panel.title = this.title();
    }
    async replan(options) {
        if (this.isApplying)
            throw new userError_1.UserError('busy', 'Wait for the apply to finish before re-planning.');
        if (this.replanning)
            return;
        this.replanning = true;
        this.generation++;
        let next;
        try {
            next = await this.services.replan(this.entry, this.plan, options);
        }
        finally {
            this.replanning = false;
        }
        if (this.disposed)
            return; // the new plan is in the Restores view
        if (this.ui)
            void this.services.plans.saveUi(this.ui);
        PlanPanel.panels.delete(this.plan.planId);
        this.entry = next.entry;
        this.plan = next.plan;
        this.facts = this.loadFacts(next.plan);
        PlanPanel.panels.set(this.plan.planId, this);
        this.stale = undefined;
        this.ui = undefined;
        this.panel.title = this.title();
        if (this.page.isReady)
            this.page.postNow(await this.initMessage());
    }
    /** Resolves once the page has said `ready` (and so has been sent the plan). */
    whenReady() {
        return this.page.whenReady();
    }
    dispose() {
        if (this.disposed)
            return;
        this.disposed = true;
        if (PlanPanel.panels.get(this.plan.planId) === this)
            PlanPanel.panels.delete(this.plan.planId);
        applyRun_1.ApplyRun.of(this.plan.planId)?.detach(this.onRun);
        if (this.ui)
            void this.services.plans.saveUi(this.ui);
        // Closing the preview does not stop an apply (see ApplyRun): reopening the plan shows it again.
        for (const d of this.disposables)
            d.dispose();
        this.disposables.length = 0;
    }
}
exports.PlanPanel = PlanPanel;
//# sourceMappingURL=planPanel.js.map