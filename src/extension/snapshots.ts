/**
 * The snapshot folder (setting `keapVault.snapshotFolder`, else the extension's global storage)
 * and the snapshots open in this window: each is verified once and kept open while used, within the
 * memory budget `keapVault.openSnapshotsMemoryMB` (core/snapshot/openSnapshots.ts).
 *
 * Opening a large encrypted snapshot takes seconds (reading, decrypting, verifying it; a large plain one
 * is read as needed and verified alongside, see core/snapshot/openSnapshots.ts): one that is not open
 * within `PROGRESS_AFTER_MS` shows a notification with its progress and Cancel. Cancelling stops the
 * open and forgets it (CancellationError for the caller), so the next read opens it afresh.
 */
import * as vscode from 'vscode';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { latestSnapshot, listSnapshots, type ListingCache, type SnapshotListing } from '../core/snapshot/library';
import { SnapshotDb } from '../core/snapshot/snapshotDb';
import { OpenSnapshots } from '../core/snapshot/openSnapshots';
import { CancelledError } from '../core/work/cancelled';
import type { WorkControl, WorkProgress } from '../core/work/progress';
import { withCancellableProgressBar } from './commands/cancellableProgress';

/** An open that ends sooner shows nothing: a notification flashing on every small snapshot would be noise. */
const PROGRESS_AFTER_MS = 400;

/** How often snapshots left unused are looked for and closed. */
const SWEEP_MS = 60_000;

export const SNAPSHOT_KEY_SECRET = 'keapVault.snapshotKey';

export class SnapshotLibrary implements vscode.Disposable {
  private readonly open = new OpenSnapshots({
    // A large snapshot's first page shows at once; its checksum is read alongside, and long work waits
    // for it. One found damaged that way is opened again only verified first, so the explorer shows
    // the error where the snapshot was rather than reopening it in a loop.
    open: async (file, control) => {
      const verify = this.damaged.has(file) ? 'first' : 'alongside';
      const db = await SnapshotDb.open(file, { key: await this.key(), verify, ...control });
      this.damaged.delete(file);
      return db;
    },
    budgetBytes: () => vscode.workspace.getConfiguration('keapVault').get<number>('openSnapshotsMemoryMB', 2048) * 1024 * 1024,
    onDamaged: (file, err) => {
      this.damaged.add(file);
      void vscode.window.showErrorMessage(err instanceof Error ? err.message : `${path.basename(file)} could not be verified.`);
      this.changed.fire();
    },
  });
  /** Snapshots whose checksum failed while they were browsed. */
  private readonly damaged = new Set<string>();
  /** Opens under way that show (or will show) a notification, by file: later reads share its Cancel. */
  private readonly opening = new Map<string, AbortController>();
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
    return this.withOpenProgress(file, (control) => this.open.get(file, control));
  }

  /**
   * Runs long work with the snapshot held open (validate, plan, export, compare): never closed under it.
   * `watch`: the caller shows the open's progress itself (a command with its own notification).
   */
  async use<T>(file: string, work: (db: SnapshotDb) => Promise<T>, watch?: WorkControl): Promise<T> {
    const { db, release } = await this.hold(file, watch);
    try {
      return await work(db);
    } finally {
      release();
    }
  }

  /** Holds a snapshot open until `release` (an apply, which may last days). */
  hold(file: string, watch?: WorkControl): Promise<{ db: SnapshotDb; release: () => void }> {
    if (watch) return this.open.hold(file, watch);
    return this.withOpenProgress(file, (control) => this.open.hold(file, control));
  }

  /**
   * Starts `opening`; when it has not ended within PROGRESS_AFTER_MS, shows its progress with Cancel.
   * Reads of a file already being opened (the explorer asks for contacts and orders at once) share the
   * first one's notification and its Cancel, which stops them all.
   */
  private async withOpenProgress<T>(file: string, opening: (control: Required<WorkControl>) => Promise<T>): Promise<T> {
    const shared = this.opening.get(file);
    if (shared) return this.cancellable(opening({ signal: shared.signal, onProgress: () => undefined }));
    const controller = new AbortController();
    this.opening.set(file, controller);
    let latest: WorkProgress | undefined;
    let show: ((p: WorkProgress) => void) | undefined;
    const onProgress = (p: WorkProgress) => {
      latest = p;
      show?.(p);
    };
    const pending = opening({ signal: controller.signal, onProgress });
    const settled = pending.then(
      () => true,
      () => true,
    );
    void settled.then(() => this.opening.get(file) === controller && this.opening.delete(file));
    let timer: NodeJS.Timeout | undefined;
    const quick = await Promise.race([
      settled,
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PROGRESS_AFTER_MS))),
    ]);
    clearTimeout(timer);
    if (quick) return this.cancellable(pending);
    return withCancellableProgressBar(`Keap Vault: opening ${path.basename(file)}`, (signal, report) => {
      signal.addEventListener('abort', () => controller.abort(), { once: true });
      show = report;
      if (latest) report(latest);
      return pending;
    });
  }

  /** The core's CancelledError as VS Code's CancellationError: commands and the explorer treat it as "the user said stop". */
  private async cancellable<T>(pending: Promise<T>): Promise<T> {
    try {
      return await pending;
    } catch (err) {
      if (err instanceof CancelledError) throw new vscode.CancellationError();
      throw err;
    }
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
