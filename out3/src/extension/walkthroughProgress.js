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
exports.WalkthroughProgress = exports.WALKTHROUGH_KEYS = void 0;
exports.markDone = markDone;
/**
 * Context keys the Getting Started walkthrough completes its steps on (`onContext:`), set when the
 * user has actually done the step, not merely opened its command. They are set again at every
 * activation from what exists (connections, snapshots, plans, and a validation run remembered in
 * global state), so a walkthrough opened after the user did everything shows everything done:
 * opening it activates the extension (VS Code's `onWalkthrough:` event), and VS Code checks the keys
 * as they are set.
 */
const vscode = __importStar(require("vscode"));
exports.WALKTHROUGH_KEYS = {
    connected: 'keapVault.hasConnection',
    snapshot: 'keapVault.hasSnapshots',
    validated: 'keapVault.validated',
    planned: 'keapVault.planned',
};
/** Steps nothing else remembers (findings are gone after a reload): global state keeps that they were done. */
const DONE_KEY = 'keapVault.walkthrough';
function markDone(state, step) {
    void vscode.commands.executeCommand('setContext', exports.WALKTHROUGH_KEYS[step], true);
    const done = state.get(DONE_KEY, {});
    if (!done[step])
        void state.update(DONE_KEY, { ...done, [step]: true });
}
class WalkthroughProgress {
    state;
    connections;
    snapshots;
    plans;
    log;
    subscriptions;
    /** The steps as last set (host tests read them: VS Code has no API to read a context key). */
    done = { connected: false, snapshot: false, validated: false, planned: false };
    constructor(state, connections, snapshots, plans, log) {
        this.state = state;
        this.connections = connections;
        this.snapshots = snapshots;
        this.plans = plans;
        this.log = log;
        const update = () => void this.update();
        this.subscriptions = [connections.onDidChange(update), snapshots.onDidChange(update), plans.onDidChange(update)];
        update();
    }
    /** Sets every step's key from what exists now. */
    async update() {
        const remembered = this.state.get(DONE_KEY, {});
        let snapshots = false;
        try {
            snapshots = (await this.snapshots.list()).length > 0;
        }
        catch (err) {
            this.log.warn(`Listing snapshots: ${err.message}`);
        }
        this.done = {
            connected: this.connections.list().length > 0,
            snapshot: snapshots,
            validated: !!remembered.validated,
            planned: this.plans.list().length > 0 || !!remembered.planned,
        };
        for (const step of Object.keys(exports.WALKTHROUGH_KEYS))
            await vscode.commands.executeCommand('setContext', exports.WALKTHROUGH_KEYS[step], this.done[step]);
        return this.done;
    }
    dispose() {
        this.subscriptions.forEach((d) => d.dispose());
    }
}
exports.WalkthroughProgress = WalkthroughProgress;
//# sourceMappingURL=walkthroughProgress.js.map