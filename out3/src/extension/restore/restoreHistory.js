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
exports.RestoreHistoryProvider = void 0;
/**
 * The "Restores" view: each plan made or opened here, newest first, led by how its apply ended
 * (restoreText.ts has the words). Shown once there is one (context key keapVault.hasRestores); a
 * click opens the preview; Export Id Map is offered on the entries that applied something.
 */
const vscode = __importStar(require("vscode"));
const commandIds_1 = require("../commandIds");
const restoreText_1 = require("./restoreText");
const ICONS = {
    planned: 'checklist',
    applying: 'sync~spin',
    applied: 'pass',
    'applied with problems': 'warning',
    interrupted: 'debug-pause',
    stale: 'history',
};
class RestoreHistoryProvider {
    plans;
    connections;
    changed = new vscode.EventEmitter();
    onDidChangeTreeData = this.changed.event;
    subscription;
    constructor(plans, connections) {
        this.plans = plans;
        this.connections = connections;
        this.subscription = vscode.Disposable.from(plans.onDidChange(() => this.changed.fire()), connections.onDidChange(() => this.changed.fire()));
    }
    getChildren(entry) {
        return entry ? [] : this.plans.list();
    }
    getTreeItem(entry) {
        const text = (0, restoreText_1.restoreText)(entry, this.connections.get(entry.connectionId)?.name, vscode.env.language);
        const item = new vscode.TreeItem(text.label);
        item.id = entry.planId;
        item.description = text.description;
        item.tooltip = text.tooltip;
        item.accessibilityInformation = { label: text.spoken };
        const paused = entry.status === 'applying' && entry.paused;
        item.iconPath = new vscode.ThemeIcon(paused ? 'watch' : ICONS[entry.status]);
        // An apply ended: the ledger has its id map to export.
        item.contextValue = entry.result ? 'restore.applied' : 'restore';
        item.command = { command: commandIds_1.COMMANDS.openRestore, title: 'Open Restore Plan', arguments: [entry.planId] };
        return item;
    }
    dispose() {
        this.subscription.dispose();
        this.changed.dispose();
    }
}
exports.RestoreHistoryProvider = RestoreHistoryProvider;
//# sourceMappingURL=restoreHistory.js.map