/**
 * The snapshot folder (setting `keapVault.snapshotFolder`, else the extension's global storage)
 * and the snapshots open in this window: each is verified once and kept open while used, within the
 * memory budget `keapVault.openSnapshotsMemoryMB` (core/snapshot/openSnapshots.ts).
 */
import * as vscode from 'vscode';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { latestSnapshot, listSnapshots, type ListingCache, type SnapshotListing } from '../core/snapshot/library';
import { SnapshotDb } from '../core/snapshot/snapshotDb';
import { OpenSnapshots } from '../core/snapshot/openSnapshots';

/** How often snapshots left unused are looked for and closed. */
const SWEEP_MS = 60_000;

export const SNAPSHOT_KEY_SECRET = 'keapVault.snapshotKey';

export class SnapshotLibrary implements vscode.Disposable {
  private readonly open = new OpenSnapshots({
    open: async (file) => SnapshotDb.open(file, { key: await this.key() }),
    budgetBytes: () => vscode.workspace.getConfiguration('keapVault').get<number>('openSnapshotsMemoryMB', 2048) * 1024 * 1024,
  });
  private readonly sweeper = setInterval(() => this.open.sweep(), SWEEP_MS);
  private readonly listings: ListingCache = new Map();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly deleted = new vscode.EventEmitter<string>();
  /** A snapshot file was deleted (its findings go with it). */
  readonly onDidDelete = this.deleted.event;

  constructor(
    private readonly storage: vscode.Uri,
    private readonly secrets: vscode.SecretStorage,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('keapVault.snapshotFolder')) this.changed.fire();
      }),
      secrets.onDidChange((e) => {
        if (e.key !== SNAPSHOT_KEY_SECRET) return;
        // Another key reads other files: forget what was read with the old one.
        this.listings.clear();
        this.open.closeAll();
        this.changed.fire();
      }),
    );
  }

  /**
   * `keapVault.snapshotFolder`: absolute, `~/…`, or relative to the first workspace folder (to the
   * extension's storage when no folder is open); empty: the extension's global storage.
   */
  async folder(): Promise<string> {
    const configured = vscode.workspace.getConfiguration('keapVault').get<string>('snapshotFolder')?.trim();
    const storage = vscode.Uri.joinPath(this.storage, 'snapshots').fsPath;
    let folder = storage;
    if (configured) {
      const expanded =
        configured === '~' || configured.startsWith('~/') || configured.startsWith('~\\')
          ? path.join(os.homedir(), configured.slice(1))
          : configured;
      const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? this.storage.fsPath;
      folder = path.isAbsolute(expanded) ? expanded : path.resolve(base, expanded);
    }
    await fs.mkdir(folder, { recursive: true });
    return folder;
  }

  async key(): Promise<string | undefined> {
    return (await this.secrets.get(SNAPSHOT_KEY_SECRET)) || undefined;
  }

  async list(): Promise<SnapshotListing[]> {
    return listSnapshots(await this.folder(), await this.key(), this.listings);
  }

  /** The newest snapshot of an account in the folder (the base of incremental captures). */
  async latest(account: string): Promise<SnapshotListing | undefined> {
    return latestSnapshot(await this.folder(), account, await this.key(), this.listings);
  }

  /** A snapshot for a short read (a page of the tree, a record): opened once, kept while used. */
  db(file: string): Promise<SnapshotDb> {
    return this.open.get(file);
  }

  /** Runs long work with the snapshot held open (validate, plan, export, compare): never closed under it. */
  use<T>(file: string, work: (db: SnapshotDb) => Promise<T>): Promise<T> {
    return this.open.use(file, work);
  }

  /** Holds a snapshot open until `release` (an apply, which may last days). */
  hold(file: string): Promise<{ db: SnapshotDb; release: () => void }> {
    return this.open.hold(file);
  }

  async delete(file: string): Promise<void> {
    this.open.close(file);
    await fs.rm(file, { force: true });
    this.listings.delete(file);
    this.deleted.fire(file);
    this.changed.fire();
  }

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.deleted.dispose();
    clearInterval(this.sweeper);
    this.open.closeAll();
    this.changed.dispose();
  }
}
