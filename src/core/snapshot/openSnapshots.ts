/**
 * The snapshots a front end keeps open because it reads them often (the explorer's pages, records,
 * cards, hovers): each is verified and loaded once, then kept while it is used. A snapshot lives in
 * memory whole (sql.js), at about its file's size, so what stays open has a budget: beyond it, the
 * least recently used snapshot nobody is using is closed; and one left unused for `idleMs` is closed
 * anyway. Long work (validate, plan, apply, export, compare) holds its snapshot (`use`, `hold`), so it
 * is never closed under it; a short read (`get`) is safe for `graceMs` after it.
 *
 * sql.js's memory is one WebAssembly heap that never shrinks: closing a snapshot frees its pages for
 * the next one to open rather than giving them back to the system. The budget is what bounds that heap.
 */
import { promises as fs } from 'node:fs';
import type { SnapshotDb } from './snapshotDb';

export interface OpenSnapshotsOptions {
  open(file: string): Promise<SnapshotDb>;
  /** Bytes the open snapshots may take together (read at each open: a setting may change it). */
  budgetBytes(): number;
  /** A snapshot not read for this long is closed (default 10 minutes). */
  idleMs?: number;
  /** A snapshot read within this time is not closed for the budget (a page being drawn; default 30 s). */
  graceMs?: number;
  now?: () => number;
  /** What a snapshot takes in memory (default: its file's size). */
  sizeOf?: (file: string) => Promise<number>;
}

interface Entry {
  db: Promise<SnapshotDb>;
  bytes: number;
  lastUsed: number;
  /** Work holding it now (`use`, `hold`): never closed while above 0. */
  users: number;
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

  /** The snapshot, opened (and verified) once; for a short read. */
  get(file: string): Promise<SnapshotDb> {
    return this.entry(file).db;
  }

  /** Runs `work` with the snapshot held open (long work: validate, plan, export, compare). */
  async use<T>(file: string, work: (db: SnapshotDb) => Promise<T>): Promise<T> {
    const { db, release } = await this.hold(file);
    try {
      return await work(db);
    } finally {
      release();
    }
  }

  /** Holds the snapshot open until `release` (work that outlives a call: an apply lasting days). */
  async hold(file: string): Promise<{ db: SnapshotDb; release: () => void }> {
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
      return { db: await entry.db, release };
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
    const created: Entry = { db: this.options.open(file), bytes: 0, lastUsed: this.now(), users: 0 };
    this.entries.set(file, created);
    created.db.then(
      async () => {
        created.bytes = await (this.options.sizeOf ?? fileSize)(file);
        this.trim(file);
      },
      () => {
        if (this.entries.get(file) === created) this.entries.delete(file);
      },
    );
    return created;
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

async function fileSize(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}
