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
exports.WorkspaceIdIndex = void 0;
/**
 * The Keap ids in the workspace's files, kept current: one scan of every included file in the
 * background after activation (a few files at a time, yielding between them so the extension host
 * stays responsive), then only what changes: an open document a moment after each edit and on save
 * (its text, dirty or not), a file created, changed or deleted on disk. Binaries, files over the size
 * setting, `files.exclude`, the exclude globs and (by default) `.gitignore` are skipped.
 */
const node_fs_1 = require("node:fs");
const vscode = __importStar(require("vscode"));
const fileWalk_1 = require("../../core/integration/fileWalk");
const glob_1 = require("../../core/integration/glob");
const recognize_1 = require("../../core/integration/recognize");
const textFile_1 = require("../../core/integration/textFile");
const idSettings_1 = require("./idSettings");
/** After the last keystroke, this long before a document is scanned again. */
const EDIT_DELAY_MS = 250;
/** A background scan gives the event loop back this often. */
const SLICE_MS = 15;
class WorkspaceIdIndex {
    log;
    byUri = new Map();
    /** Files the last full scan included (a created file is checked against the globs on its own). */
    included = new Set();
    changed = new vscode.EventEmitter();
    /** Files whose ids changed; undefined: all of them (a full scan). */
    onDidChange = this.changed.event;
    subscriptions = [];
    timers = new Map();
    ignoreTrees = new Map();
    generation = 0;
    full = Promise.resolve();
    stats = { files: 0, withIds: 0, ms: 0 };
    constructor(log) {
        this.log = log;
        const watcher = vscode.workspace.createFileSystemWatcher('**/*');
        this.subscriptions.push(watcher, watcher.onDidCreate((uri) => void this.fileChanged(uri, true)), watcher.onDidChange((uri) => void this.fileChanged(uri, false)), watcher.onDidDelete((uri) => this.forget(uri)), vscode.workspace.onDidChangeTextDocument((e) => {
            if (e.contentChanges.length)
                this.documentEdited(e.document);
        }), vscode.workspace.onDidSaveTextDocument((doc) => void this.scanDocument(doc)), 
        // A file opened before its creation reached the watcher (a folder just copied in) is skipped
        // there as an open document: it is scanned from its text here.
        vscode.workspace.onDidOpenTextDocument((doc) => void this.scanDocument(doc)), vscode.workspace.onDidChangeConfiguration((e) => {
            if ((0, idSettings_1.affectsScan)(e))
                void this.rescan();
        }), vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()));
    }
    /** Starts a full scan (a running one is abandoned); `whenScanned` resolves when it ends. */
    rescan() {
        const generation = ++this.generation;
        this.ignoreTrees = new Map();
        this.full = this.scanAll(generation).catch((err) => this.log.error(`Scanning for Keap ids: ${err.message}`));
        return this.full;
    }
    whenScanned() {
        return this.full;
    }
    occurrences(uri) {
        return this.byUri.get(uri.toString())?.occurrences ?? [];
    }
    /** Every file with ids. */
    files() {
        return [...this.byUri.values()];
    }
    /** The ids of an open document as it is now (its own text, scanned if the index is behind). */
    scanText(document) {
        return (0, recognize_1.findKeapIds)(document.getText(), { fileName: document.uri.path });
    }
    async scanAll(generation) {
        const settings = (0, idSettings_1.idScanSettings)();
        const started = Date.now();
        const before = [...this.byUri.values()].map((e) => e.uri);
        this.byUri.clear();
        this.included.clear();
        if (!settings.enabled) {
            this.stats = { files: 0, withIds: 0, ms: 0, finishedAt: new Date().toISOString() };
            if (before.length)
                this.changed.fire(before);
            return;
        }
        const uris = [];
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
            const globs = (0, idSettings_1.scanGlobs)(settings, folder);
            uris.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, globs.include), globs.exclude)));
        }
        if (generation !== this.generation)
            return;
        let files = 0;
        let slice = Date.now();
        for (const uri of uris) {
            if (generation !== this.generation)
                return;
            if (!(await this.wanted(uri, settings)))
                continue;
            this.included.add(uri.toString());
            const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
            const occurrences = open ? this.scanText(open) : await this.scanFile(uri, settings);
            files++;
            if (occurrences?.length)
                this.byUri.set(uri.toString(), { uri, occurrences });
            if (Date.now() - slice > SLICE_MS) {
                await new Promise((r) => setImmediate(r));
                slice = Date.now();
            }
        }
        this.stats = { files, withIds: this.byUri.size, ms: Date.now() - started, finishedAt: new Date().toISOString() };
        this.log.info(`Keap ids: scanned ${files} files in ${this.stats.ms} ms; ${this.byUri.size} hold Keap ids`);
        this.changed.fire(undefined);
    }
    /** A file's ids from disk, or undefined when it is skipped (too big, binary, gone). */
    async scanFile(uri, settings) {
        try {
            const { size } = await node_fs_1.promises.stat(uri.fsPath);
            if (size > settings.maxFileBytes)
                return undefined;
            const decoded = (0, textFile_1.decodeTextFile)(await node_fs_1.promises.readFile(uri.fsPath));
            return decoded && (0, recognize_1.findKeapIds)(decoded.text, { fileName: uri.path });
        }
        catch {
            return undefined; // deleted meanwhile, or unreadable: nothing to show
        }
    }
    /** Whether .gitignore leaves the file to us (the globs were applied by findFiles). */
    async wanted(uri, settings) {
        if (uri.scheme !== 'file' || !settings.respectGitignore)
            return uri.scheme === 'file';
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        if (!folder)
            return false;
        let tree = this.ignoreTrees.get(folder.uri.fsPath);
        if (!tree)
            this.ignoreTrees.set(folder.uri.fsPath, (tree = new fileWalk_1.IgnoreTree(folder.uri.fsPath)));
        return !(await tree.ignores(uri.fsPath));
    }
    /** Whether a file not seen by the last full scan is one to scan: it matches the globs, and is not ignored. */
    async includes(uri, settings) {
        if (this.included.has(uri.toString()))
            return true;
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        if (!settings.enabled || !folder || uri.scheme !== 'file')
            return false;
        const globs = (0, idSettings_1.scanGlobs)(settings, folder);
        const relative = vscode.workspace.asRelativePath(uri, false);
        if (!(0, glob_1.globMatcher)(globs.include)(relative) || (0, glob_1.globMatcher)(globs.exclude)(relative))
            return false;
        if (!(await this.wanted(uri, settings)))
            return false;
        this.included.add(uri.toString());
        return true;
    }
    documentEdited(document) {
        const key = document.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.set(key, setTimeout(() => {
            this.timers.delete(key);
            void this.scanDocument(document);
        }, EDIT_DELAY_MS));
    }
    async scanDocument(document) {
        const settings = (0, idSettings_1.idScanSettings)();
        if (!(await this.includes(document.uri, settings)))
            return;
        if (document.getText().length > settings.maxFileBytes)
            return this.forget(document.uri);
        this.put(document.uri, this.scanText(document));
    }
    async fileChanged(uri, created) {
        if (uri.path.endsWith('/.gitignore')) {
            void this.rescan();
            return;
        }
        // An open document is scanned from its text, on edit and save.
        if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()))
            return;
        const settings = (0, idSettings_1.idScanSettings)();
        if (!created && !this.included.has(uri.toString()))
            return;
        // A folder copied or moved in may come as one event: its files are what is new.
        if (created && (await node_fs_1.promises.stat(uri.fsPath).catch(() => undefined))?.isDirectory()) {
            const folder = vscode.workspace.getWorkspaceFolder(uri);
            if (!folder || !settings.enabled)
                return;
            const globs = (0, idSettings_1.scanGlobs)(settings, folder);
            for (const file of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), globs.exclude))
                await this.fileChanged(file, true);
            return;
        }
        if (created && !(await this.includes(uri, settings)))
            return;
        this.put(uri, (await this.scanFile(uri, settings)) ?? []);
    }
    put(uri, occurrences) {
        const key = uri.toString();
        if (occurrences.length)
            this.byUri.set(key, { uri, occurrences });
        else if (!this.byUri.delete(key))
            return;
        this.changed.fire([uri]);
    }
    forget(uri) {
        this.included.delete(uri.toString());
        if (this.byUri.delete(uri.toString()))
            this.changed.fire([uri]);
    }
    dispose() {
        this.generation++;
        for (const t of this.timers.values())
            clearTimeout(t);
        this.subscriptions.forEach((d) => d.dispose());
        this.changed.dispose();
    }
}
exports.WorkspaceIdIndex = WorkspaceIdIndex;
//# sourceMappingURL=workspaceIdIndex.js.map