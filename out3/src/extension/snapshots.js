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
exports.SnapshotLibrary = exports.SNAPSHOT_KEY_SECRET = void 0;
/**
 * The snapshot folder (setting `keapVault.snapshotFolder`, else the extension's global storage)
 * and the snapshots open in this window: each is verified once and kept open while used, within the
 * memory budget `keapVault.openSnapshotsMemoryMB` (core/snapshot/openSnapshots.ts).
 *
 * Opening a large snapshot takes seconds (reading, verifying, loading it): one that is not open
 * within `PROGRESS_AFTER_MS` shows a notification with its progress and Cancel. Cancelling stops the
 * open and forgets it (CancellationError for the caller), so the next read opens it afresh.
 */
const vscode = __importStar(require("vscode"));
const node_fs_1 = require("node:fs");
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const library_1 = require("../core/snapshot/library");
const snapshotDb_1 = require("../core/snapshot/snapshotDb");
const openSnapshots_1 = require("../core/snapshot/openSnapshots");
const cancelled_1 = require("../core/work/cancelled");
const cancellableProgress_1 = require("./commands/cancellableProgress");
/** An open that ends sooner shows nothing: a notification flashing on every small snapshot would be noise. */
const PROGRESS_AFTER_MS = 400;
/** How often snapshots left unused are looked for and closed. */
const SWEEP_MS = 60_000;
exports.SNAPSHOT_KEY_SECRET = 'keapVault.snapshotKey';
class SnapshotLibrary {
    storage;
    secrets;
    open = new openSnapshots_1.OpenSnapshots({
        open: async (file, control) => snapshotDb_1.SnapshotDb.open(file, { key: await this.key(), ...control }),
        budgetBytes: () => vscode.workspace.getConfiguration('keapVault').get('openSnapshotsMemoryMB', 2048) * 1024 * 1024,
    });
    /** Opens under way that show (or will show) a notification, by file: later reads share its Cancel. */
    opening = new Map();
    sweeper = setInterval(() => this.open.sweep(), SWEEP_MS);
    listings = new Map();
    subscriptions = [];
    changed = new vscode.EventEmitter();
    onDidChange = this.changed.event;
    deleted = new vscode.EventEmitter();
    /** A snapshot file was deleted (its findings go with it). */
    onDidDelete = this.deleted.event;
    constructor(storage, secrets) {
        this.storage = storage;
        this.secrets = secrets;
        this.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
            if (e.affectsConfiguration('keapVault.snapshotFolder'))
                this.changed.fire();
        }), secrets.onDidChange((e) => {
            if (e.key !== exports.SNAPSHOT_KEY_SECRET)
                return;
            // Another key reads other files: forget what was read with the old one.
            this.listings.clear();
            this.open.closeAll();
            this.changed.fire();
        }));
    }
    /**
     * `keapVault.snapshotFolder`: absolute, `~/…`, or relative to the first workspace folder (to the
     * extension's storage when no folder is open); empty: the extension's global storage.
     */
    async folder() {
        const configured = vscode.workspace.getConfiguration('keapVault').get('snapshotFolder')?.trim();
        const storage = vscode.Uri.joinPath(this.storage, 'snapshots').fsPath;
        let folder = storage;
        if (configured) {
            const expanded = configured === '~' || configured.startsWith('~/') || configured.startsWith('~\\')
                ? path.join(os.homedir(), configured.slice(1))
                : configured;
            const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? this.storage.fsPath;
            folder = path.isAbsolute(expanded) ? expanded : path.resolve(base, expanded);
        }
        await node_fs_1.promises.mkdir(folder, { recursive: true });
        return folder;
    }
    async key() {
        return (await this.secrets.get(exports.SNAPSHOT_KEY_SECRET)) || undefined;
    }
    async list() {
        return (0, library_1.listSnapshots)(await this.folder(), await this.key(), this.listings);
    }
    /** The newest snapshot of an account in the folder (the base of incremental captures). */
    async latest(account) {
        return (0, library_1.latestSnapshot)(await this.folder(), account, await this.key(), this.listings);
    }
    /** A snapshot for a short read (a page of the tree, a record): opened once, kept while used. */
    db(file) {
        return this.withOpenProgress(file, (control) => this.open.get(file, control));
    }
    /**
     * Runs long work with the snapshot held open (validate, plan, export, compare): never closed under it.
     * `watch`: the caller shows the open's progress itself (a command with its own notification).
     */
    async use(file, work, watch) {
        const { db, release } = await this.hold(file, watch);
        try {
            return await work(db);
        }
        finally {
            release();
        }
    }
    /** Holds a snapshot open until `release` (an apply, which may last days). */
    hold(file, watch) {
        if (watch)
            return this.open.hold(file, watch);
        return this.withOpenProgress(file, (control) => this.open.hold(file, control));
    }
    /**
     * Starts `opening`; when it has not ended within PROGRESS_AFTER_MS, shows its progress with Cancel.
     * Reads of a file already being opened (the explorer asks for contacts and orders at once) share the
     * first one's notification and its Cancel, which stops them all.
     */
    async withOpenProgress(file, opening) {
        const shared = this.opening.get(file);
        if (shared)
            return this.cancellable(opening({ signal: shared.signal, onProgress: () => undefined }));
        const controller = new AbortController();
        this.opening.set(file, controller);
        let latest;
        let show;
        const onProgress = (p) => {
            latest = p;
            show?.(p);
        };
        const pending = opening({ signal: controller.signal, onProgress });
        const settled = pending.then(() => true, () => true);
        void settled.then(() => this.opening.get(file) === controller && this.opening.delete(file));
        let timer;
        const quick = await Promise.race([
            settled,
            new Promise((resolve) => (timer = setTimeout(() => resolve(false), PROGRESS_AFTER_MS))),
        ]);
        clearTimeout(timer);
        if (quick)
            return this.cancellable(pending);
        return (0, cancellableProgress_1.withCancellableProgressBar)(`Keap Vault: opening ${path.basename(file)}`, (signal, report) => {
            signal.addEventListener('abort', () => controller.abort(), { once: true });
            show = report;
            if (latest)
                report(latest);
            return pending;
        });
    }
    /** The core's CancelledError as VS Code's CancellationError: commands and the explorer treat it as "the user said stop". */
    async cancellable(pending) {
        try {
            return await pending;
        }
        catch (err) {
            if (err instanceof cancelled_1.CancelledError)
                throw new vscode.CancellationError();
            throw err;
        }
    }
    async delete(file) {
        this.open.close(file);
        await node_fs_1.promises.rm(file, { force: true });
        this.listings.delete(file);
        this.deleted.fire(file);
        this.changed.fire();
    }
    refresh() {
        this.changed.fire();
    }
    dispose() {
        this.subscriptions.forEach((d) => d.dispose());
        this.deleted.dispose();
        clearInterval(this.sweeper);
        this.open.closeAll();
        this.changed.dispose();
    }
}
exports.SnapshotLibrary = SnapshotLibrary;
//# sourceMappingURL=snapshots.js.map