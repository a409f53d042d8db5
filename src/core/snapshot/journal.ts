/**
 * The capture journal: what a capture has read so far, kept beside the snapshot it will become
 * (`<out>.partial/`). Each page is appended to its entity's NDJSON file and fsynced before the
 * cursor that follows it is recorded, so after a crash or a cancel the capture resumes from the
 * last recorded page (a page written but not recorded is cut off and read again).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createReadStream } from 'node:fs';
import { writeFileAtomic } from '../fs/atomicWrite';

export interface TaskCursor {
  /** The page token to continue with; undefined before the first page. */
  pageToken?: string;
  done: boolean;
  pages: number;
  records: number;
  /** Length of the task's NDJSON file at the last recorded page. */
  bytes: number;
}

export interface JournalState {
  version: 1;
  out: string;
  mode: 'full' | 'incremental';
  startedAt: string;
  /** The snapshot an incremental capture builds on. */
  sinceSnapshotId?: string;
  tasks: Record<string, TaskCursor>;
}

export class CaptureJournal {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly state: JournalState,
  ) {}

  static dirFor(out: string): string {
    return `${out}.partial`;
  }

  /** The journal of an interrupted capture of `out`, if there is one. */
  static async find(dir: string): Promise<CaptureJournal | undefined> {
    try {
      const state = JSON.parse(await fs.readFile(path.join(dir, 'state.json'), 'utf8')) as JournalState;
      if (state.version !== 1) return undefined;
      return new CaptureJournal(dir, state);
    } catch {
      return undefined;
    }
  }

  static async start(dir: string, state: Omit<JournalState, 'version' | 'tasks'>): Promise<CaptureJournal> {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const journal = new CaptureJournal(dir, { ...state, version: 1, tasks: {} });
    await journal.persist();
    return journal;
  }

  cursor(task: string): TaskCursor {
    return (this.state.tasks[task] ??= { done: false, pages: 0, records: 0, bytes: 0 });
  }

  file(task: string): string {
    return path.join(this.dir, `${task}.ndjson`);
  }

  /** Drops whatever was written after the last recorded page (a crash between write and record). */
  async prepare(task: string): Promise<void> {
    const cursor = this.cursor(task);
    const handle = await fs.open(this.file(task), 'a');
    try {
      const { size } = await handle.stat();
      if (size !== cursor.bytes) await handle.truncate(cursor.bytes);
    } finally {
      await handle.close();
    }
  }

  /** Starts a task again from its first page. */
  async reset(task: string): Promise<void> {
    this.state.tasks[task] = { done: false, pages: 0, records: 0, bytes: 0 };
    await fs.writeFile(this.file(task), '');
    await this.persist();
  }

  /** Appends one page (each record as JSON) durably, then records the cursor that follows it. */
  async appendPage(task: string, jsons: readonly string[], nextPageToken: string | undefined): Promise<void> {
    const cursor = this.cursor(task);
    const text = jsons.length ? jsons.join('\n') + '\n' : '';
    const handle = await fs.open(this.file(task), 'a');
    try {
      await handle.write(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    cursor.bytes += Buffer.byteLength(text);
    cursor.records += jsons.length;
    cursor.pages++;
    cursor.pageToken = nextPageToken;
    cursor.done = nextPageToken === undefined;
    await this.persist();
  }

  /** The records of a task, one at a time. */
  async *records<T = Record<string, unknown>>(task: string): AsyncGenerator<T> {
    const lines = readline.createInterface({ input: createReadStream(this.file(task), { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as T;
  }

  async remove(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  /** state.json is replaced atomically; concurrent tasks take turns. */
  private persist(): Promise<void> {
    const snapshot = JSON.stringify(this.state);
    this.writing = this.writing.then(() => writeFileAtomic(path.join(this.dir, 'state.json'), snapshot));
    return this.writing;
  }
}
