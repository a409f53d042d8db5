/**
 * The snapshot folder (setting `keapVault.snapshotFolder`, else the extension's global storage)
 * and the snapshots open in this window: each is verified once and kept open for the explorer.
 */
import * as vscode from 'vscode';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { latestSnapshot, listSnapshots, type ListingCache, type SnapshotListing } from '../core/snapshot/library';
import { SnapshotDb } from '../core/snapshot/snapshotDb';

export const SNAPSHOT_KEY_SECRET = 'keapVault.snapshotKey';

export class SnapshotLibrary implements vscode.Disposable {
  private readonly open = new Map<string, Promise<SnapshotDb>>();
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
        for (const file of [...this.open.keys()]) void this.close(file);
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

  db(file: string): Promise<SnapshotDb> {
    let db = this.open.get(file);
    if (!db) {
      db = this.key().then((key) => SnapshotDb.open(file, { key }));
      db.catch(() => this.open.delete(file));
      this.open.set(file, db);
    }
    return db;
  }

  async delete(file: string): Promise<void> {
    await this.close(file);
    await fs.rm(file, { force: true });
    this.listings.delete(file);
    this.deleted.fire(file);
    this.changed.fire();
  }

  refresh(): void {
    this.changed.fire();
  }

  private async close(file: string): Promise<void> {
    const db = this.open.get(file);
    this.open.delete(file);
    (await db?.catch(() => undefined))?.close();
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.deleted.dispose();
    for (const file of [...this.open.keys()]) void this.close(file);
    this.changed.dispose();
  }
}
