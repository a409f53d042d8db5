/**
 * The snapshot folder (setting `keapVault.snapshotFolder`, else the extension's global storage)
 * and the snapshots open in this window: each is verified once and kept open for the explorer.
 */
import * as vscode from 'vscode';
import { promises as fs } from 'node:fs';
import { listSnapshots, type SnapshotListing } from '../core/snapshot/library';
import { SnapshotDb } from '../core/snapshot/snapshotDb';

export const SNAPSHOT_KEY_SECRET = 'keapVault.snapshotKey';

export class SnapshotLibrary implements vscode.Disposable {
  private readonly open = new Map<string, Promise<SnapshotDb>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: vscode.Uri, private readonly secrets: vscode.SecretStorage) {}

  async folder(): Promise<string> {
    const configured = vscode.workspace.getConfiguration('keapVault').get<string>('snapshotFolder')?.trim();
    const folder = configured
      ? (vscode.workspace.workspaceFolders?.[0] && !configured.startsWith('/') ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, configured).fsPath : configured)
      : vscode.Uri.joinPath(this.storage, 'snapshots').fsPath;
    await fs.mkdir(folder, { recursive: true });
    return folder;
  }

  async key(): Promise<string | undefined> {
    return (await this.secrets.get(SNAPSHOT_KEY_SECRET)) || undefined;
  }

  async list(): Promise<SnapshotListing[]> {
    return listSnapshots(await this.folder(), await this.key());
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
    for (const file of [...this.open.keys()]) void this.close(file);
    this.changed.dispose();
  }
}
