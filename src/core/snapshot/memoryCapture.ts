/**
 * The account read into a snapshot for this process only: what a restore plans against, what apply
 * checks for staleness and verifies with, what a comparison with the live account reads. A capture
 * journals every page so that an interrupted one resumes, and writes a file; a live read is used
 * at once and never resumed, so both only cost time (at a million contacts, 1.4 GB written and read
 * back) and left the account's records on disk, in clear (a live read has no key), until removed.
 * Here the pages go straight to the writer's thread, which builds the database in a working file
 * (encrypted with a key only this process holds, removed at once where the platform allows:
 * workingFile.ts) in Keap Vault's state folder, on disk where the system's temporary folder may be
 * memory; the snapshot reads it in place and closes it when closed.
 */
import { randomUUID } from 'node:crypto';
import type { KeapClient } from '../keap/client';
import { workingFolder } from '../fs/stateDir';
import { runTogether } from '../work/together';
import { CursorsOnly, planTasks, progressReporter, readTask, type CaptureProgress } from './captureTasks';
import { CAPTURED_ENTITIES, type CapturedEntity } from './entities';
import { SnapshotDb } from './snapshotDb';
import { SnapshotWriter } from './snapshotWriter';

export interface MemoryCaptureOptions {
  client: KeapClient;
  /** Only these entities; the others stay empty. */
  entities?: readonly CapturedEntity[];
  /** Only records changed since this time, where Keap can filter an entity's list by it; the others whole. */
  changedSince?: string;
  signal?: AbortSignal;
  onProgress?: (progress: CaptureProgress) => void;
  /** Records per request; Keap's maximum (1000) unless a test wants many pages. */
  pageSize?: number;
  /** Read whole before the others start (what `onPage` needs to know first). */
  readFirst?: readonly CapturedEntity[];
  /** Each page as it arrives, records parsed and their JSON texts, in order within an entity. */
  onPage?: (entity: CapturedEntity, items: ReadonlyArray<Record<string, unknown>>, jsons: readonly string[]) => void;
  /** Every page of the entity has arrived. */
  onEntityDone?: (entity: CapturedEntity) => void;
}

export async function captureIntoMemory(options: MemoryCaptureOptions): Promise<{ db: SnapshotDb; requests: number }> {
  const { client } = options;
  const startedAt = new Date().toISOString();
  const requestsBefore = client.transport.requestCount;
  const log = new CursorsOnly();
  const tasks = planTasks(client, options.entities ?? CAPTURED_ENTITIES, options.changedSince, false, options.pageSize);
  const report = progressReporter(client, log, options.onProgress);
  const writer = new SnapshotWriter('Nothing was written to Keap; read the account again.', { dir: workingFolder() });
  try {
    const read = async (task: (typeof tasks)[number], signal: AbortSignal | undefined) => {
      await readTask(
        log,
        task,
        signal,
        () => report(task, false),
        (t, items, jsons) => {
          options.onPage?.(t.entity, items, jsons);
          return writer.insert(t.entity, items, jsons);
        },
      );
      await writer.entityDone(task.entity);
      options.onEntityDone?.(task.entity);
      report(task, true);
    };
    const first = new Set(options.readFirst);
    await runTogether(
      tasks.filter((t) => first.has(t.entity)),
      options.signal,
      read,
    );
    await runTogether(
      tasks.filter((t) => !first.has(t.entity)),
      options.signal,
      read,
    );
    options.signal?.throwIfAborted();
    const requests = client.transport.requestCount - requestsBefore;
    const { working, bytes, sha256 } = await writer.database({
      snapshotId: randomUUID(),
      account: client.transport.account,
      apiBaseUrl: client.transport.baseUrl,
      startedAt,
      finishedAt: new Date().toISOString(),
      requests,
    });
    const where = `The live read of account ${client.transport.account}`;
    return { db: await SnapshotDb.fromWorkingFile(working.handle, bytes, sha256, where, () => working.close()), requests };
  } finally {
    await writer.close();
  }
}
