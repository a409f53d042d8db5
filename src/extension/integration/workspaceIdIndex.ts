/**
 * The Keap ids in the workspace's files, kept current: one scan of every included file in the
 * background after activation (a few files at a time, yielding between them so the extension host
 * stays responsive), then only what changes: an open document a moment after each edit and on save
 * (its text, dirty or not), a file created, changed or deleted on disk. Binaries, files over the size
 * setting, `files.exclude`, the exclude globs and (by default) `.gitignore` are skipped.
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { IgnoreTree } from '../../core/integration/fileWalk';
import { globMatcher } from '../../core/integration/glob';
import { findKeapIds, type KeapIdOccurrence } from '../../core/integration/recognize';
import { decodeTextFile } from '../../core/integration/textFile';
import { affectsScan, idScanSettings, scanGlobs, type IdScanSettings } from './idSettings';

/** After the last keystroke, this long before a document is scanned again. */
const EDIT_DELAY_MS = 250;
/** A background scan gives the event loop back this often. */
const SLICE_MS = 15;

export interface ScanStats {
  files: number;
  withIds: number;
  ms: number;
  finishedAt?: string;
}

export class WorkspaceIdIndex implements vscode.Disposable {
  private readonly byUri = new Map<string, { uri: vscode.Uri; occurrences: KeapIdOccurrence[] }>();
  /** Files the last full scan included (a created file is checked against the globs on its own). */
  private readonly included = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  /** Files whose ids changed; undefined: all of them (a full scan). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private ignoreTrees = new Map<string, IgnoreTree>();
  private generation = 0;
  private full: Promise<void> = Promise.resolve();
  stats: ScanStats = { files: 0, withIds: 0, ms: 0 };

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => void this.fileChanged(uri, true)),
      watcher.onDidChange((uri) => void this.fileChanged(uri, false)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.documentEdited(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => void this.scanDocument(doc)),
      // A file opened before its creation reached the watcher (a folder just copied in) is skipped
      // there as an open document: it is scanned from its text here.
      vscode.workspace.onDidOpenTextDocument((doc) => void this.scanDocument(doc)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsScan(e)) void this.rescan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
  }

  /** Starts a full scan (a running one is abandoned); `whenScanned` resolves when it ends. */
  rescan(): Promise<void> {
    const generation = ++this.generation;
    this.ignoreTrees = new Map();
    this.full = this.scanAll(generation).catch((err: unknown) => this.log.error(`Scanning for Keap ids: ${(err as Error).message}`));
    return this.full;
  }

  whenScanned(): Promise<void> {
    return this.full;
  }

  occurrences(uri: vscode.Uri): readonly KeapIdOccurrence[] {
    return this.byUri.get(uri.toString())?.occurrences ?? [];
  }

  /** Every file with ids. */
  files(): Array<{ uri: vscode.Uri; occurrences: readonly KeapIdOccurrence[] }> {
    return [...this.byUri.values()];
  }

  /** The ids of an open document as it is now (its own text, scanned if the index is behind). */
  scanText(document: vscode.TextDocument): KeapIdOccurrence[] {
    return findKeapIds(document.getText(), { fileName: document.uri.path });
  }

  private async scanAll(generation: number): Promise<void> {
    const settings = idScanSettings();
    const started = Date.now();
    const before = [...this.byUri.values()].map((e) => e.uri);
    this.byUri.clear();
    this.included.clear();
    if (!settings.enabled) {
      this.stats = { files: 0, withIds: 0, ms: 0, finishedAt: new Date().toISOString() };
      if (before.length) this.changed.fire(before);
      return;
    }
    const uris: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const globs = scanGlobs(settings, folder);
      uris.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, globs.include), globs.exclude)));
    }
    if (generation !== this.generation) return;
    let files = 0;
    let slice = Date.now();
    for (const uri of uris) {
      if (generation !== this.generation) return;
      if (!(await this.wanted(uri, settings))) continue;
      this.included.add(uri.toString());
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const occurrences = open ? this.scanText(open) : await this.scanFile(uri, settings);
      files++;
      if (occurrences?.length) this.byUri.set(uri.toString(), { uri, occurrences });
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
  private async scanFile(uri: vscode.Uri, settings: IdScanSettings): Promise<KeapIdOccurrence[] | undefined> {
    try {
      const { size } = await fs.stat(uri.fsPath);
      if (size > settings.maxFileBytes) return undefined;
      const decoded = decodeTextFile(await fs.readFile(uri.fsPath));
      return decoded && findKeapIds(decoded.text, { fileName: uri.path });
    } catch {
      return undefined; // deleted meanwhile, or unreadable: nothing to show
    }
  }

  /** Whether .gitignore leaves the file to us (the globs were applied by findFiles). */
  private async wanted(uri: vscode.Uri, settings: IdScanSettings): Promise<boolean> {
    if (uri.scheme !== 'file' || !settings.respectGitignore) return uri.scheme === 'file';
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    let tree = this.ignoreTrees.get(folder.uri.fsPath);
    if (!tree) this.ignoreTrees.set(folder.uri.fsPath, (tree = new IgnoreTree(folder.uri.fsPath)));
    return !(await tree.ignores(uri.fsPath));
  }

  /** Whether a file not seen by the last full scan is one to scan: it matches the globs, and is not ignored. */
  private async includes(uri: vscode.Uri, settings: IdScanSettings): Promise<boolean> {
    if (this.included.has(uri.toString())) return true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!settings.enabled || !folder || uri.scheme !== 'file') return false;
    const globs = scanGlobs(settings, folder);
    const relative = vscode.workspace.asRelativePath(uri, false);
    if (!globMatcher(globs.include)(relative) || globMatcher(globs.exclude)(relative)) return false;
    if (!(await this.wanted(uri, settings))) return false;
    this.included.add(uri.toString());
    return true;
  }

  private documentEdited(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.scanDocument(document);
      }, EDIT_DELAY_MS),
    );
  }

  private async scanDocument(document: vscode.TextDocument): Promise<void> {
    const settings = idScanSettings();
    if (!(await this.includes(document.uri, settings))) return;
    if (document.getText().length > settings.maxFileBytes) return this.forget(document.uri);
    this.put(document.uri, this.scanText(document));
  }

  private async fileChanged(uri: vscode.Uri, created: boolean): Promise<void> {
    if (uri.path.endsWith('/.gitignore')) {
      void this.rescan();
      return;
    }
    // An open document is scanned from its text, on edit and save.
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    const settings = idScanSettings();
    if (!created && !this.included.has(uri.toString())) return;
    // A folder copied or moved in may come as one event: its files are what is new.
    if (created && (await fs.stat(uri.fsPath).catch(() => undefined))?.isDirectory()) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder || !settings.enabled) return;
      const globs = scanGlobs(settings, folder);
      for (const file of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), globs.exclude))
        await this.fileChanged(file, true);
      return;
    }
    if (created && !(await this.includes(uri, settings))) return;
    this.put(uri, (await this.scanFile(uri, settings)) ?? []);
  }

  private put(uri: vscode.Uri, occurrences: KeapIdOccurrence[]): void {
    const key = uri.toString();
    if (occurrences.length) this.byUri.set(key, { uri, occurrences });
    else if (!this.byUri.delete(key)) return;
    this.changed.fire([uri]);
  }

  private forget(uri: vscode.Uri): void {
    this.included.delete(uri.toString());
    if (this.byUri.delete(uri.toString())) this.changed.fire([uri]);
  }

  dispose(): void {
    this.generation++;
    for (const t of this.timers.values()) clearTimeout(t);
    this.subscriptions.forEach((d) => d.dispose());
    this.changed.dispose();
  }
}
