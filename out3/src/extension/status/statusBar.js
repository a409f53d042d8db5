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
exports.StatusBar = void 0;
/**
 * Keap Vault's one status bar item (as MongoDB for VS Code and SQLTools have): the connection the
 * user works with (chosen in the Accounts view, or the last one a command used), a warning with Set
 * Credential… when Keap refused it, and the work running against it (a snapshot, a live read, a
 * restore with its steps done, and its pause for Keap's daily quota; an apply has no status bar
 * entry of its own). statusText.ts has the words.
 */
const vscode = __importStar(require("vscode"));
const commandIds_1 = require("../commandIds");
const statusText_1 = require("./statusText");
class StatusBar {
    connections;
    activity;
    plans;
    applies;
    item = vscode.window.createStatusBarItem('status', vscode.StatusBarAlignment.Left, 50);
    subscriptions;
    activeId;
    /** What the item shows now (host tests read it). */
    shown;
    constructor(connections, activity, plans, applies) {
        this.connections = connections;
        this.activity = activity;
        this.plans = plans;
        this.applies = applies;
        this.item.name = 'Keap Vault';
        const update = () => void this.update();
        this.subscriptions = [
            connections.onDidChange(update),
            connections.onDidChangeHealth(update),
            connections.onDidUse((id) => this.setActive(id)),
            activity.onDidChange(update),
            plans.onDidChange(update),
            applies.onDidChange(update),
        ];
        update();
    }
    /** The connection the user now works with (a row chosen in the Accounts view, a command's connection). */
    setActive(connectionId) {
        if (!connectionId || connectionId === this.activeId)
            return;
        this.activeId = connectionId;
        void this.update();
    }
    /** Running work outranks the chosen connection: it is what the user waits for. */
    current() {
        const list = this.connections.list();
        const busy = this.activity.list()[0]?.connectionId ?? this.plans.list().find((e) => e.status === 'applying')?.connectionId;
        return list.find((c) => c.id === busy) ?? list.find((c) => c.id === this.activeId) ?? list[0];
    }
    async update() {
        const connection = this.current();
        const applying = connection && this.plans.list().find((e) => e.status === 'applying' && e.connectionId === connection.id);
        const text = connection &&
            (0, statusText_1.statusText)({
                connection,
                problem: await this.connections.problem(connection.id),
                work: this.activity
                    .list()
                    .filter((w) => w.connectionId === connection.id)
                    .map((w) => w.what),
                applying: applying ? { paused: applying.paused, ...this.applies.countFor(connection.id) } : undefined,
            });
        this.shown = text;
        if (!text || !connection)
            return this.item.hide();
        this.item.text = text.text;
        this.item.tooltip = text.tooltip;
        this.item.accessibilityInformation = { label: text.spoken };
        this.item.backgroundColor = text.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
        this.item.command =
            text.click === 'set-credential'
                ? { command: commandIds_1.COMMANDS.setCredential, title: 'Set Credential…', arguments: [{ kind: 'connection', connection }] }
                : { command: 'workbench.view.extension.keapVault', title: 'Open the Accounts view' };
        this.item.show();
    }
    dispose() {
        this.subscriptions.forEach((d) => d.dispose());
        this.item.dispose();
    }
}
exports.StatusBar = StatusBar;
//# sourceMappingURL=statusBar.js.map