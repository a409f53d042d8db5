/**
 * The snapshots a front end keeps open because it reads them often (the explorer's pages, records,
 * cards, hovers): each is verified and loaded once, then kept while it is used. A small snapshot lives
 * in memory whole (sql.js), a large plain one is read from disk as needed (its page cache and what was
 * written to it: `SnapshotDb.heldBytes`), so what stays open has a budget: beyond it, the least
 * recently used snapshot nobody is using is closed; and one left unused for `idleMs` is closed
 * anyway. Long work (validate, plan, apply, export, compare) holds its snapshot (`use`, `hold`), so it
 * is never closed under it; a short read (`get`) is safe for `graceMs` after it.
 *
 * A front end may open large snapshots with their checksum verified alongside the first reads (the
 * explorer's first page at once): a short read does not wait for it, long work does (`hold` returns
 * once the snapshot is verified), and a snapshot found damaged is closed and reported (`onDamaged`).
 *
 * Opening a large snapshot takes seconds: a caller may watch its progress and give up on it
 * (`WorkControl`). The open itself stops, and leaves nothing in the cache, only when every caller
 * waiting for it has given up; one caller giving up does not fail the others.
 *
 * sql.js's memory is one WebAssembly heap that never shrinks: closing a snapshot frees its pages for
 * the next one to open rather than giving them back to the system. The budget is what bounds that heap.
 */
import type { SnapshotDb } from './snapshotDb';
import { CancelledError, throwIfCancelled } from '../work/cancelled';
import type { ProgressListener, WorkControl, WorkProgress } from '../work/progress';

export interface OpenSnapshotsOptions {
  /** Opens and verifies a snapshot, reporting to `control` and stopping when its signal aborts. */
  open(file: string, control: Required<WorkControl>): Promise<SnapshotDb>;
  /** Bytes the open snapshots may take together (read at each open: a setting may change it). */
  budgetBytes(): number;
  /** A snapshot not read for this long is closed (default 10 minutes). */
  idleMs?: number;
  /** A snapshot read within this time is not closed for the budget (a page being drawn; default 30 s). */
  graceMs?: number;
  now?: () => number;
  /** What a snapshot takes in memory (default: what it says it holds, `heldBytes`). */
  sizeOf?: (file: string) => Promise<number>;
  /** A snapshot's checksum, verified alongside its reads, did not match: it has been closed. */
  onDamaged?: (file: string, err: unknown) => void;
}

interface Entry {
  db: Promise<SnapshotDb>;
  bytes: number;
  lastUsed: number;
  /** Work holding it now (`use`, `hold`): never closed while above 0. */
  users: number;
  /** Set while the file is being opened. */
  opening?: Opening;
}

/** An open under way, and the callers waiting for it. */
interface Opening {
  controller: AbortController;
  /** Callers still waiting; the open is stopped when the last one gives up. */
  waiters: number;
  listeners: Set<ProgressListener>;
  /** The last report, for a caller who starts watching midway. */
  last?: WorkProgress;
}

export class OpenSnapshots {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly idleMs: number;
  private readonly graceMs: number;

  constructor(private readonly options: OpenSnapshotsOptions) {
    this.now = options.now ?? Date.now;
    this.idleMs = options.idleMs ?? 10 * 60_000;
    this.graceMs = options.graceMs ?? 30_000;
  }

  /** The snapshot, opened (and verified) once; for a short read. `watch` sees the open's progress and may give up on it. */
  get(file: string, watch: WorkControl = {}): Promise<SnapshotDb> {
    return this.waitFor(file, this.entry(file), watch);
  }

  /** Runs `work` with the snapshot held open (long work: validate, plan, export, compare). */
  async use<T>(file: string, work: (db: SnapshotDb) => Promise<T>, watch: WorkControl = {}): Promise<T> {
    const { db, release } = await this.hold(file, watch);
    try {
      return await work(db);
    } finally {
      release();
    }
  }

  /** Holds the snapshot open until `release` (work that outlives a call: an apply lasting days). */
  async hold(file: string, watch: WorkControl = {}): Promise<{ db: SnapshotDb; release: () => void }> {
    const entry = this.entry(file);
    entry.users++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      entry.users--;
      entry.lastUsed = this.now();
    };
    try {
      const db = await this.waitFor(file, entry, watch);
      await db.verified(); // long work uses only a verified snapshot (a damaged one is closed as it is found)
      return { db, release };
    } catch (err) {
      release();
      throw err;
    }
  }

  /** Closes what has been unused for `idleMs`, then what is over the budget (a front end calls this now and then). */
  sweep(): void {
    const now = this.now();
    for (const [file, entry] of this.entries) if (!entry.users && now - entry.lastUsed >= this.idleMs) this.close(file);
    this.trim(undefined);
  }

  /** Closes a snapshot (its file changed or is gone); the next read opens it again. */
  close(file: string): void {
    const entry = this.entries.get(file);
    if (!entry) return;
    this.entries.delete(file);
    void entry.db.then(
      (db) => db.close(),
      () => undefined,
    );
  }

  closeAll(): void {
    for (const file of [...this.entries.keys()]) this.close(file);
  }

  /** The files open now, least recently used first (for tests and the log). */
  get openFiles(): string[] {
    return [...this.entries].sort((a, b) => a[1].lastUsed - b[1].lastUsed).map(([file]) => file);
  }

  get openBytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.bytes;
    return total;
  }

  private entry(file: string): Entry {
    const entry = this.entries.get(file);
    if (entry) {
      entry.lastUsed = this.now();
      return entry;
    }
    const opening: Opening = { controller: new AbortController(), waiters: 0, listeners: new Set() };
    const onProgress = (progress: WorkProgress) => {
      opening.last = progress;
      for (const listener of opening.listeners) listener(progress);
    };
    const db = this.options.open(file, { onProgress, signal: opening.controller.signal });
    const created: Entry = { db, bytes: 0, lastUsed: this.now(), users: 0, opening };
    this.entries.set(file, created);
    created.db.then(
      async (opened) => {
        created.opening = undefined;
        // Every caller gave up just as the open ended: it is no longer in the cache, so nobody would close it.
        if (this.entries.get(file) !== created) return opened.close();
        opened.verified().catch((err: unknown) => {
          if (this.entries.get(file) === created) this.close(file);
          this.options.onDamaged?.(file, err);
        });
        created.bytes = this.options.sizeOf ? await this.options.sizeOf(file) : opened.heldBytes;
        this.trim(file);
      },
      () => {
        created.opening = undefined;
        if (this.entries.get(file) === created) this.entries.delete(file);
      },
    );
    return created;
  }

  /**
   * The entry's snapshot for one caller. A caller whose signal aborts gets CancelledError at once;
   * when it was the last one waiting, the open is stopped and forgotten, so the next read starts afresh.
   */
  private waitFor(file: string, entry: Entry, watch: WorkControl): Promise<SnapshotDb> {
    const opening = entry.opening;
    if (!opening) return entry.db;
    throwIfCancelled(watch.signal, `Opening ${file}`);
    opening.waiters++;
    const listener = watch.onProgress;
    if (listener) {
      opening.listeners.add(listener);
      if (opening.last) listener(opening.last);
    }
    return new Promise<SnapshotDb>((resolve, reject) => {
      let settled = false;
      const done = () => {
        if (settled) return false;
        settled = true;
        watch.signal?.removeEventListener('abort', giveUp);
        if (listener) opening.listeners.delete(listener);
        opening.waiters--;
        return true;
      };
      const giveUp = () => {
        if (!done()) return;
        if (!opening.waiters && entry.opening === opening) {
          opening.controller.abort();
          if (this.entries.get(file) === entry) this.entries.delete(file);
        }
        reject(new CancelledError(`Opening ${file} was cancelled.`));
      };
      watch.signal?.addEventListener('abort', giveUp, { once: true });
      entry.db.then(
        (db) => {
          if (done()) resolve(db);
        },
        (err: unknown) => {
          if (done()) reject(err);
        },
      );
    });
  }

  /** Over budget: closes the least recently used snapshots nobody holds and nobody read just now. */
  private trim(justOpened: string | undefined): void {
    const budget = this.options.budgetBytes();
    const now = this.now();
    let total = this.openBytes;
    for (const file of this.openFiles) {
      if (total <= budget) return;
      const entry = this.entries.get(file)!;
      if (file === justOpened || entry.users || now - entry.lastUsed < this.graceMs) continue;
      total -= entry.bytes;
      this.close(file);
    }
  }
}
