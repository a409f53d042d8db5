/**
 * How a read of the account goes, whatever keeps its pages: one task per entity list (and per
 * deletion sweep), read page by page, each page recorded (`PageLog`) before the next is asked for,
 * and handed on to be stored while the next one is read. A capture records its pages in its journal
 * so that an interrupted one resumes; a live read for a restore keeps only where each task stands.
 */
import type { KeapClient } from '../keap/client';
import { filter } from '../keap/filter';
import type { Page } from '../keap/paging';
import { ENTITY_MODULES } from '../entities';
import { ENTITY_DEFS, type CapturedEntity } from './entities';
import type { TaskCursor } from './journal';

export interface CaptureProgress {
  entity: CapturedEntity;
  phase: 'records' | 'deletion-check';
  records: number;
  pages: number;
  /** From the previous snapshot, when there is one (Keap does not say how many records a list has). */
  estimatedTotal?: number;
  done: boolean;
  /** Whole capture so far. */
  requests: number;
  throttleWaits: number;
  throttleWaitedMs: number;
}

/** Where a read records each page as it arrives: the capture's journal, or only the cursors. */
export interface PageLog {
  cursor(task: string): TaskCursor;
  appendPage(task: string, jsons: readonly string[], nextPageToken: string | undefined): Promise<void>;
}

/** A read that keeps nothing but where each task stands: a live read is never resumed. */
export class CursorsOnly implements PageLog {
  private readonly cursors = new Map<string, TaskCursor>();

  cursor(task: string): TaskCursor {
    let cursor = this.cursors.get(task);
    if (!cursor) this.cursors.set(task, (cursor = { done: false, pages: 0, records: 0, bytes: 0 }));
    return cursor;
  }

  async appendPage(task: string, jsons: readonly string[], nextPageToken: string | undefined): Promise<void> {
    const cursor = this.cursor(task);
    cursor.records += jsons.length;
    cursor.pages++;
    cursor.pageToken = nextPageToken;
    cursor.done = nextPageToken === undefined;
  }
}

/** Progress as the caller hears it: a task's cursor and the client's requests and throttle waits so far. */
export function progressReporter(
  client: KeapClient,
  log: PageLog,
  onProgress: ((progress: CaptureProgress) => void) | undefined,
  estimates: Partial<Record<CapturedEntity, number>> = {},
): (task: Task, done: boolean) => void {
  const requestsBefore = client.transport.requestCount;
  return (task, done) => {
    const cursor = log.cursor(task.name);
    const stats = client.transport.throttle.stats;
    onProgress?.({
      entity: task.entity,
      phase: task.phase,
      records: cursor.records,
      pages: cursor.pages,
      estimatedTotal: estimates[task.entity],
      done,
      requests: client.transport.requestCount - requestsBefore,
      throttleWaits: stats.waits,
      throttleWaitedMs: stats.waitedMs,
    });
  };
}

export interface Task {
  name: string;
  entity: CapturedEntity;
  phase: CaptureProgress['phase'];
  pages(pageToken?: string): AsyncGenerator<Page<Record<string, unknown>>>;
}

export function planTasks(
  client: KeapClient,
  entities: readonly CapturedEntity[],
  sinceTime: string | undefined,
  checkDeletions: boolean,
  pageSize?: number,
): Task[] {
  const tasks: Task[] = [];
  for (const module of ENTITY_MODULES.filter((m) => entities.includes(m.name))) {
    const entity = module.name;
    const since = sinceTime && module.changedSince;
    tasks.push({
      name: entity,
      entity,
      phase: 'records',
      pages: (pageToken) => module.pages(client, { pageToken, pageSize, filter: since ? filter(since, '==', sinceTime) : undefined }),
    });
    // Keap has no list of deletions: finding them means listing every id again.
    if (since && checkDeletions) {
      const sweep = module.idPages ?? module.pages;
      tasks.push({ name: `${entity}.ids`, entity, phase: 'deletion-check', pages: (pageToken) => sweep(client, { pageToken, pageSize }) });
    }
  }
  return tasks;
}

export async function readTask(
  journal: PageLog,
  task: Task,
  signal: AbortSignal | undefined,
  progress: () => void,
  onPage?: (task: Task, items: Array<Record<string, unknown>>, jsons: string[]) => Promise<void>,
): Promise<void> {
  const cursor = journal.cursor(task.name);
  const ids = task.phase === 'deletion-check';
  // A page is compressed and stored while the next one is read; one page at most is in flight.
  let storing: Promise<void> | undefined;
  try {
    for await (const page of task.pages(cursor.pageToken)) {
      signal?.throwIfAborted();
      // Each record is written as JSON once, for the journal and the snapshot alike.
      const jsons = ids
        ? page.items.map((r) => JSON.stringify({ id: ENTITY_DEFS[task.entity].idOf(r) }))
        : page.items.map((r) => JSON.stringify(r));
      await journal.appendPage(task.name, jsons, page.nextPageToken);
      await storing;
      storing = ids ? undefined : onPage?.(task, page.items, jsons);
      storing?.catch(() => undefined); // awaited at the next page or below; not an unhandled rejection meanwhile
      progress();
    }
    await storing;
  } catch (err) {
    await storing?.catch(() => undefined); // nothing left running behind the error
    throw err;
  }
  if (!cursor.done) {
    cursor.done = true;
    await journal.appendPage(task.name, [], undefined);
  }
}
