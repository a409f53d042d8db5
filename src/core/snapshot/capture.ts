/**
 * Capture: the live account -> a snapshot file. Reads every entity at Keap's largest page size,
 * all entities at once within the quota (the client's throttle paces them), with as few requests
 * as Keap allows: contact tags come with the contacts (`tag_ids`), order items with the orders,
 * subscription plans with the products, payments from the one sales-payments list (with their
 * `order_ids`) instead of a call per order. N records cost about ceil(N/1000) requests per entity,
 * plus 4 for the custom-field models.
 *
 * Resumable: pages go to a journal first (see journal.ts); the snapshot file is written, whole
 * and atomically, only when every entity is read. Incremental: given an earlier snapshot, only
 * what changed since is read where Keap can filter by time, merged into a new complete snapshot.
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { KeapClient } from '../keap/client';
import { KeapValidationError } from '../keap/errors';
import { entityModule } from '../entities';
import { countAnomalies, DEFAULT_ANOMALY_THRESHOLD, type CountAnomaly } from './anomaly';
import { CAPTURED_ENTITIES, ENTITY_DEFS, type CapturedEntity } from './entities';
import { SnapshotKeyError } from './errors';
import { CaptureJournal } from './journal';
import { planTasks, progressReporter, readTask, type CaptureProgress, type Task } from './captureTasks';
import { SnapshotDb, type SnapshotMeta } from './snapshotDb';
import { SnapshotWriter } from './snapshotWriter';
import { runTogether } from '../work/together';

export type { CaptureProgress } from './captureTasks';

export interface CaptureOptions {
  client: KeapClient;
  /** The snapshot file to write. */
  out: string;
  /** Encrypt the snapshot with this secret. */
  key?: string;
  /** Incremental: read only what changed since this snapshot, and merge. */
  since?: { db: SnapshotDb; meta: SnapshotMeta };
  /** Incremental: also look for records deleted in Keap since (costs a full id sweep of each entity). */
  checkDeletions?: boolean;
  /** For the anomaly check (defaults to `since`): the account's previous snapshot. */
  previous?: SnapshotMeta;
  anomalyThreshold?: number;
  /** Ignore an interrupted capture's journal and start over. */
  restart?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: CaptureProgress) => void;
  /** Overlap for time-window reads, covering clock skew between Keap and us. */
  overlapMs?: number;
  /** Records per request; Keap's maximum (1000) unless a test wants many pages. */
  pageSize?: number;
  /**
   * Only these entities (a full capture only): a live read for a restore needs only what a restore
   * touches, and every entity left out is requests spared. The others stay empty in the result.
   */
  entities?: readonly CapturedEntity[];
  /**
   * Only records changed since this time, where Keap can filter an entity's list by it (a full
   * capture only: verification after an apply reads what the apply wrote); other entities are read whole.
   */
  changedSince?: string;
}

export interface CaptureResult {
  file: string;
  meta: SnapshotMeta;
  anomalies: CountAnomaly[];
  /** This capture continued an interrupted one. */
  resumed: boolean;
  /** Requests made by this run (a resumed capture's earlier runs are not counted). */
  requests: number;
  /** Records deleted in Keap since `since`, when `checkDeletions` was asked. */
  deleted?: Partial<Record<CapturedEntity, number>>;
}

export async function captureSnapshot(options: CaptureOptions): Promise<CaptureResult> {
  const { client, out } = options;
  const mode = options.since ? 'incremental' : 'full';
  // invariant: no caller combines them (live reads limit entities and are never incremental; takeSnapshot never limits).
  if (options.entities && options.since) throw new Error('An incremental capture reads every entity; it cannot be limited to some.');
  const entities = options.entities ?? CAPTURED_ENTITIES;
  const dir = CaptureJournal.dirFor(out);
  const existing = options.restart ? undefined : await CaptureJournal.find(dir);
  const sameCapture =
    existing &&
    existing.state.out === out &&
    existing.state.mode === mode &&
    existing.state.sinceSnapshotId === options.since?.meta.snapshotId;
  const keyFit = sameCapture ? existing.unlock(options.key) : undefined;
  if (keyFit === 'wrong-key') {
    throw new SnapshotKeyError(
      `An interrupted capture of ${out} was journaled with another encryption key: give the same key to continue it, or start over with --restart.`,
      out,
    );
  }
  const reusable = keyFit === 'fits';
  const journal = reusable
    ? existing!
    : await CaptureJournal.start(
        dir,
        { out, mode, startedAt: new Date().toISOString(), sinceSnapshotId: options.since?.meta.snapshotId },
        options.key,
      );
  const requestsBefore = client.transport.requestCount;
  const sinceTime = options.since
    ? new Date(Date.parse(options.since.meta.startedAt) - (options.overlapMs ?? 5 * 60_000)).toISOString()
    : options.changedSince;
  const tasks = planTasks(client, entities, sinceTime, !!options.since && !!options.checkDeletions, options.pageSize);
  const report = progressReporter(client, journal, options.onProgress, (options.since?.meta ?? options.previous)?.counts);

  // A full capture builds the snapshot as pages arrive (each page is journaled first), on the
  // writer's thread, so the journal is read back only to continue an interrupted run. An
  // incremental one merges into a snapshot here, at the end.
  // The working file sits beside the snapshot: the folder the user chose has room for it, where
  // the system's temporary folder may be memory (tmpfs), which is what the file is there to spare.
  const newWriter = () => new SnapshotWriter(undefined, { dir: path.dirname(out) });
  let writer = options.since ? undefined : newWriter();
  const merged = options.since ? await SnapshotDb.create() : undefined;
  try {
    let rebuild = false;
    // Whatever a crash wrote after a task's last recorded page is cut off before anything reads on.
    for (const task of tasks) await journal.prepare(task.name);
    if (writer && reusable) await loadFull(writer, journal, entities);
    const onPage = writer
      ? (task: Task, items: Array<Record<string, unknown>>, jsons: string[]) => writer!.insert(task.entity, items, jsons)
      : undefined;
    // Entities are read side by side; the first failure stops the others, and nothing is left
    // writing to the journal once this rejects.
    await runTogether(tasks, options.signal, async (task, signal) => {
      if (journal.cursor(task.name).done) {
        if (task.phase === 'records') await writer?.entityDone(task.entity); // read by an earlier run, loaded above
        return report(task, true);
      }
      try {
        await readTask(journal, task, signal, () => report(task, false), onPage);
      } catch (err) {
        // A page token from before the interruption may have expired: read that entity again.
        if (!(err instanceof KeapValidationError) || journal.cursor(task.name).pageToken === undefined || !/page_token/i.test(err.message))
          throw err;
        await journal.reset(task.name);
        rebuild = !!writer; // the snapshot holds that entity's first pages twice now: build it again from the journal
        await readTask(journal, task, signal, () => report(task, false), onPage);
      }
      if (task.phase === 'records') await writer?.entityDone(task.entity);
      report(task, true);
    });

    options.signal?.throwIfAborted();
    if (rebuild) {
      await writer!.close();
      writer = newWriter();
      await loadFull(writer, journal, entities);
    }
    const deleted = merged ? await mergeIncremental(merged, options.since!.db, journal, tasks) : undefined;
    const finishedAt = new Date().toISOString();
    const saved = {
      snapshotId: randomUUID(),
      account: client.transport.account,
      apiBaseUrl: client.transport.baseUrl,
      startedAt: journal.state.startedAt,
      finishedAt,
      requests: client.transport.requestCount - requestsBefore,
      incrementalFrom: options.since?.meta.snapshotId,
      deletionsChecked: options.since ? !!options.checkDeletions : undefined,
    };
    const meta = writer ? await writer.save(out, saved, { key: options.key }) : await merged!.save(out, saved, { key: options.key });
    await journal.remove();
    const previousCounts = (options.previous ?? options.since?.meta)?.counts;
    return {
      file: out,
      meta,
      anomalies: previousCounts ? countAnomalies(previousCounts, meta.counts, options.anomalyThreshold ?? DEFAULT_ANOMALY_THRESHOLD) : [],
      resumed: !!reusable,
      requests: client.transport.requestCount - requestsBefore,
      deleted,
    };
  } finally {
    await writer?.close();
    merged?.close();
  }
}

const BATCH = 1000;

async function loadFull(db: PageSink, journal: CaptureJournal, entities: readonly CapturedEntity[]): Promise<undefined> {
  for (const entity of entities) await insertBatched(db, entity, journal.records(entity));
  return undefined;
}

/**
 * Earlier snapshot + changes = the new snapshot. Changed records replace their earlier version;
 * entities read in full replace theirs; ids missing from a deletion sweep are removed (with the
 * child rows they carried).
 */
async function mergeIncremental(
  db: SnapshotDb,
  base: SnapshotDb,
  journal: CaptureJournal,
  tasks: Task[],
): Promise<Partial<Record<CapturedEntity, number>> | undefined> {
  const deleted: Partial<Record<CapturedEntity, number>> = {};
  let checked = false;
  for (const entity of CAPTURED_ENTITIES) {
    const incremental = entityModule(entity).changedSince !== undefined;
    if (incremental)
      await insertBatched(
        db,
        entity,
        (function* () {
          for (const row of base.rows(entity)) yield JSON.parse(row.json) as Record<string, unknown>;
        })(),
      );
    const changed: Array<Record<string, unknown>> = [];
    const flush = () => {
      if (incremental)
        db.remove(
          entity,
          changed.map((r) => ENTITY_DEFS[entity].idOf(r)),
        );
      db.insert(entity, changed);
      changed.length = 0;
    };
    for await (const record of journal.records(entity)) {
      changed.push(record);
      if (changed.length >= BATCH) flush();
    }
    flush();
    if (tasks.some((t) => t.name === `${entity}.ids`)) {
      checked = true;
      const live = new Set<string>();
      for await (const r of journal.records<{ id: string }>(`${entity}.ids`)) live.add(r.id);
      const gone = db
        .all<{ id: string }>(`SELECT DISTINCT id FROM ${entity}`)
        .map((r) => r.id)
        .filter((id) => !live.has(id));
      deleted[entity] = db.remove(entity, gone);
    }
  }
  return checked ? deleted : undefined;
}

/** Where pages of records go: the snapshot writer's thread, or a snapshot being merged here. */
interface PageSink {
  insert(entity: CapturedEntity, records: Array<Record<string, unknown>>, jsons: string[]): void | Promise<void>;
}

async function insertBatched(
  db: PageSink,
  entity: CapturedEntity,
  records: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
): Promise<void> {
  let batch: Array<Record<string, unknown>> = [];
  const flush = () =>
    db.insert(
      entity,
      batch,
      batch.map((r) => JSON.stringify(r)),
    );
  for await (const record of records) {
    batch.push(record);
    if (batch.length >= BATCH) {
      await flush();
      batch = [];
    }
  }
  if (batch.length) await flush();
}
