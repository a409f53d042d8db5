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
exports.RemapSource = void 0;
/**
 * What every applied restore did to ids, for the diagnostics, the quick fixes and the hovers: the id
 * maps of the ledgers in the snapshot folder (applies from here and from the CLI into that folder),
 * plus the records applied plans meant to re-create and that are still gone. Read again when a
 * restore's status changes, when the snapshot folder changes, and when a ledger file changes.
 */
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const idMap_1 = require("../../core/integration/idMap");
const idMapFile_1 = require("../../core/integration/idMapFile");
const planUnrestored_1 = require("../../core/integration/planUnrestored");
const applyRestore_1 = require("../../core/usecases/applyRestore");
class RemapSource {
    plans;
    snapshots;
    log;
    table = new idMap_1.RemapTable([]);
    changed = new vscode.EventEmitter();
    onDidChange = this.changed.event;
    subscriptions = [];
    watcher;
    watchedFolder;
    loading = Promise.resolve();
    again = false;
    constructor(plans, snapshots, log) {
        this.plans = plans;
        this.snapshots = snapshots;
        this.log = log;
        this.subscriptions.push(plans.onDidChange(() => void this.refresh()), snapshots.onDidChange(() => void this.refresh()));
    }
    /** Reads the id maps again; calls while one read runs are folded into one more read after it. */
    refresh() {
        if (this.running) {
            this.again = true;
            return this.loading;
        }
        this.running = true;
        this.loading = (async () => {
            do {
                this.again = false;
                await this.load().catch((err) => this.log.error(`Reading the id maps of applied restores: ${err.message}`));
            } while (this.again);
            this.running = false;
        })();
        return this.loading;
    }
    running = false;
    whenLoaded() {
        return this.loading;
    }
    async load() {
        const folder = await this.snapshots.folder();
        this.watch(folder);
        const ledgers = new Set((await node_fs_1.promises.readdir(folder).catch(() => [])).filter((n) => n.endsWith('.kvledger')).map((n) => path.join(folder, n)));
        const applied = this.plans.list().filter((e) => e.status === 'applied' || e.status === 'applied with problems');
        const plans = [];
        for (const entry of applied) {
            const plan = await this.plans.read(entry).catch(() => undefined);
            if (!plan)
                continue;
            plans.push({ plan, at: entry.result?.finishedAt ?? plan.createdAt });
            ledgers.add((0, applyRestore_1.ledgerFileForPlan)(plan, folder));
        }
        const entries = [];
        const unrestored = [];
        for (const file of ledgers) {
            const contents = await (0, idMapFile_1.readIdMapContents)(file).catch(() => undefined);
            if (!contents)
                continue;
            entries.push(...contents.entries);
            unrestored.push(...contents.unrestored);
        }
        const restored = new Set(entries.map((e) => `${e.entity}:${e.oldId}`));
        for (const { plan, at } of plans)
            unrestored.push(...(0, planUnrestored_1.unrestoredInPlan)(plan, (entity, oldId) => restored.has(`${entity}:${oldId}`), at));
        this.table = new idMap_1.RemapTable(entries, unrestored);
        this.changed.fire();
    }
    /** A ledger written by an apply elsewhere (the CLI, another window) is read too. */
    watch(folder) {
        if (this.watchedFolder === folder)
            return;
        this.watcher?.dispose();
        this.watchedFolder = folder;
        this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '*.kvledger'));
        const again = () => void this.refresh();
        this.watcher.onDidCreate(again);
        this.watcher.onDidChange(again);
        this.watcher.onDidDelete(again);
    }
    dispose() {
        this.watcher?.dispose();
        this.subscriptions.forEach((d) => d.dispose());
        this.changed.dispose();
    }
}
exports.RemapSource = RemapSource;
//# sourceMappingURL=remapSource.js.map