/**
 * The ledger of restores into one account (SQLite, beside the snapshots): every step of every
 * applied plan, marked pending before its request and done (with the new id) or failed after, and
 * the id map old id -> new id that other systems use to fix the Keap ids they stored.
 *
 * sql.js keeps the database in memory, so each entry also goes to an append-only journal that is
 * fsynced before the request it guards is sent; opening replays the journal, and a checkpoint folds
 * it into the database file (written atomically). A crash at any point loses nothing recorded.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { fileLines } from '../fs/fileLines';
import { accountSlug } from '../snapshot/library';
import { loadSqlJs, type Database } from '../snapshot/sqlite';
import type { RestoreEntity } from './plan';
import { KeapVaultFileError } from '../errors';

/** `linked`: the record was found in Keap (restored elsewhere, or re-entered) and mapped; nothing was sent. */
export type StepStatus = 'pending' | 'done' | 'linked' | 'failed';

export interface StepRecord {
  planId: string;
  stepId: string;
  entity: RestoreEntity;
  oldId: string;
  status: StepStatus;
  newId?: string;
  error?: string;
  at: string;
}

export interface IdMapEntry {
  entity: RestoreEntity;
  oldId: string;
  newId: string;
  planId: string;
  at: string;
}

type JournalEntry = StepRecord;

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS steps (plan_id TEXT NOT NULL, step_id TEXT NOT NULL, entity TEXT NOT NULL, old_id TEXT NOT NULL,
     status TEXT NOT NULL, new_id TEXT, error TEXT, at TEXT NOT NULL, PRIMARY KEY (plan_id, step_id))`,
  `CREATE TABLE IF NOT EXISTS id_map (entity TEXT NOT NULL, old_id TEXT NOT NULL, new_id TEXT NOT NULL, plan_id TEXT NOT NULL, at TEXT NOT NULL,
     PRIMARY KEY (entity, old_id))`,
];

/** The account's ledger cannot be read; it is left as it is. */
export class LedgerDamagedError extends KeapVaultFileError<'ledger-damaged'> {
  readonly kind = 'ledger-damaged';
  constructor(message: string, file: string, cause: unknown) {
    super(message, file);
    this.cause = cause;
  }
}

export class Ledger {
  private constructor(
    readonly file: string,
    private readonly db: Database,
  ) {}

  static journalFor(file: string): string {
    return `${file}.journal`;
  }

  static async open(file: string): Promise<Ledger> {
    const SQL = await loadSqlJs();
    let bytes: Buffer | undefined;
    try {
      bytes = await fs.readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    let db: Database;
    try {
      db = bytes ? new SQL.Database(bytes) : new SQL.Database();
      for (const sql of SCHEMA) db.run(sql);
    } catch (err) {
      throw new LedgerDamagedError(
        `The ledger ${file} is damaged (${(err as Error).message}); it was not changed. Move it aside to start a new one (the id map in it is then lost).`,
        file,
        err,
      );
    }
    const ledger = new Ledger(file, db);
    await ledger.replay();
    return ledger;
  }

  step(planId: string, stepId: string): StepRecord | undefined {
    const stmt = this.db.prepare(
      'SELECT plan_id, step_id, entity, old_id, status, new_id, error, at FROM steps WHERE plan_id = ? AND step_id = ?',
    );
    try {
      stmt.bind([planId, stepId]);
      if (!stmt.step()) return undefined;
      const [p, s, entity, oldId, status, newId, error, at] = stmt.get() as string[];
      return {
        planId: p,
        stepId: s,
        entity: entity as RestoreEntity,
        oldId,
        status: status as StepStatus,
        newId: newId ?? undefined,
        error: error ?? undefined,
        at,
      };
    } finally {
      stmt.free();
    }
  }

  /**
   * Where earlier restores put snapshot records, as a look-up: the id map read once, as planning
   * asks it about every snapshot record (a query each would cost more than the rest of the asking).
   * Later changes to the ledger are not in it.
   */
  newIdLookup(): (entity: RestoreEntity, oldId: string) => string | undefined {
    const map = new Map<string, string>();
    const stmt = this.db.prepare('SELECT entity, old_id, new_id FROM id_map');
    try {
      while (stmt.step()) {
        const [entity, oldId, newId] = stmt.get();
        map.set(`${String(entity)}:${String(oldId)}`, String(newId));
      }
    } finally {
      stmt.free();
    }
    return (entity, oldId) => map.get(`${entity}:${oldId}`);
  }

  idMap(): IdMapEntry[] {
    const rows: IdMapEntry[] = [];
    const stmt = this.db.prepare('SELECT entity, old_id, new_id, plan_id, at FROM id_map ORDER BY at, entity, old_id');
    try {
      while (stmt.step()) {
        const [entity, oldId, newId, planId, at] = stmt.get() as string[];
        rows.push({ entity: entity as RestoreEntity, oldId, newId, planId, at });
      }
    } finally {
      stmt.free();
    }
    return rows;
  }

  /**
   * Records a restore tried to re-create and could not (their last step failed) and that no restore
   * has re-created since: gone from Keap, and still gone. Integrations that hold their ids are broken
   * with no new id to move to.
   */
  unrestored(): Array<{ entity: RestoreEntity; oldId: string; planId: string; at: string; error?: string }> {
    const rows: Array<{ entity: RestoreEntity; oldId: string; planId: string; at: string; error?: string }> = [];
    const stmt = this.db.prepare(
      `SELECT s.entity, s.old_id, s.plan_id, s.at, s.error FROM steps s
       WHERE s.status = 'failed' AND s.entity <> 'contact_tags'
         AND NOT EXISTS (SELECT 1 FROM id_map m WHERE m.entity = s.entity AND m.old_id = s.old_id)
       ORDER BY s.at, s.entity, s.old_id`,
    );
    try {
      const seen = new Set<string>();
      while (stmt.step()) {
        const [entity, oldId, planId, at, error] = stmt.get() as Array<string | null>;
        const key = `${entity}:${oldId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({ entity: entity as RestoreEntity, oldId: oldId!, planId: planId!, at: at!, error: error ?? undefined });
      }
    } finally {
      stmt.free();
    }
    return rows;
  }

  /** Steps of a plan that have been started (pending, done or failed). */
  stepsOf(planId: string): StepRecord[] {
    const out: StepRecord[] = [];
    const stmt = this.db.prepare('SELECT step_id FROM steps WHERE plan_id = ?');
    try {
      stmt.bind([planId]);
      while (stmt.step()) out.push(this.step(planId, String(stmt.get()[0]))!);
    } finally {
      stmt.free();
    }
    return out;
  }

  pending(planId: string, step: { id: string; entity: RestoreEntity; oldId: string }): Promise<void> {
    return this.record({
      planId,
      stepId: step.id,
      entity: step.entity,
      oldId: step.oldId,
      status: 'pending',
      at: new Date().toISOString(),
    });
  }

  done(planId: string, step: { id: string; entity: RestoreEntity; oldId: string }, newId: string | undefined): Promise<void> {
    return this.record({
      planId,
      stepId: step.id,
      entity: step.entity,
      oldId: step.oldId,
      status: 'done',
      newId,
      at: new Date().toISOString(),
    });
  }

  /** The step's record already was in Keap: mapped to it (id map) without a write of this plan. */
  linked(planId: string, step: { id: string; entity: RestoreEntity; oldId: string }, liveId: string): Promise<void> {
    return this.record({
      planId,
      stepId: step.id,
      entity: step.entity,
      oldId: step.oldId,
      status: 'linked',
      newId: liveId,
      at: new Date().toISOString(),
    });
  }

  failed(planId: string, step: { id: string; entity: RestoreEntity; oldId: string }, error: string): Promise<void> {
    return this.record({
      planId,
      stepId: step.id,
      entity: step.entity,
      oldId: step.oldId,
      status: 'failed',
      error,
      at: new Date().toISOString(),
    });
  }

  /** Folds the journal into the database file. */
  async checkpoint(): Promise<void> {
    await writeFileAtomic(this.file, this.db.export());
    await fs.rm(Ledger.journalFor(this.file), { force: true });
  }

  close(): void {
    this.db.close();
  }

  private async record(entry: JournalEntry): Promise<void> {
    const handle = await fs.open(Ledger.journalFor(this.file), 'a', 0o600);
    try {
      await handle.write(JSON.stringify(entry) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.apply(entry);
  }

  private apply(e: JournalEntry): void {
    this.db.run(
      `INSERT INTO steps (plan_id, step_id, entity, old_id, status, new_id, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (plan_id, step_id) DO UPDATE SET status = excluded.status, new_id = excluded.new_id, error = excluded.error, at = excluded.at`,
      [e.planId, e.stepId, e.entity, e.oldId, e.status, e.newId ?? null, e.error ?? null, e.at],
    );
    // Tag assignments have no id of their own: they are not part of the id map.
    if ((e.status === 'done' || e.status === 'linked') && e.newId && e.newId !== e.oldId && e.entity !== 'contact_tags') {
      this.db.run(
        `INSERT INTO id_map (entity, old_id, new_id, plan_id, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (entity, old_id) DO UPDATE SET new_id = excluded.new_id, plan_id = excluded.plan_id, at = excluded.at`,
        [e.entity, e.oldId, e.newId, e.planId, e.at],
      );
    }
  }

  /** Re-applies journal entries written after the last checkpoint (a torn last line is ignored). */
  private async replay(): Promise<void> {
    const journal = Ledger.journalFor(this.file);
    try {
      await fs.access(journal);
    } catch {
      return;
    }
    for await (const line of fileLines(journal)) {
      if (!line.trim()) continue;
      try {
        this.apply(JSON.parse(line) as JournalEntry);
      } catch {
        // Only the last line can be torn (a crash mid-write); its request was never sent.
      }
    }
  }
}

/** One ledger per account, beside its snapshots: `keap-<account>.kvledger`. */
export function ledgerFileFor(dir: string, account: string): string {
  return path.join(dir, `keap-${accountSlug(account)}.kvledger`);
}

/** The id map as CSV (RFC 4180) for other systems. */
export function idMapCsv(entries: IdMapEntry[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return (
    [
      'entity,old_id,new_id,plan_id,restored_at',
      ...entries.map((e) => [e.entity, e.oldId, e.newId, e.planId, e.at].map(field).join(',')),
    ].join('\r\n') + '\r\n'
  );
}
