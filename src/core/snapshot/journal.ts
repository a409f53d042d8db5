/**
 * The capture journal: what a capture has read so far, kept beside the snapshot it will become
 * (`<out>.partial/`). Each page is appended to its entity's NDJSON file (encrypted frames, see
 * journalCipher.ts, when the snapshot will be encrypted) and fsynced before the
 * cursor that follows it is recorded, so after a crash or a cancel the capture resumes from the
 * last recorded page (a page written but not recorded is cut off and read again).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createReadStream } from 'node:fs';
import { writeFileAtomic } from '../fs/atomicWrite';
import { fileLines } from '../fs/fileLines';
import { SnapshotCorruptError } from './errors';
import { JournalCipher, type JournalEncryption } from './journalCipher';
import { utf8Lines } from './utf8Lines';

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
  /** Present when the snapshot will be encrypted: the pages are then encrypted frames, not NDJSON. */
  encryption?: JournalEncryption;
  tasks: Record<string, TaskCursor>;
}

/** Whether a journal can be read with a key (see `unlock`). */
export type JournalKeyFit = 'fits' | 'wrong-key' | 'other-kind';

export class CaptureJournal {
  private writing: Promise<void> = Promise.resolve();
  private cipher?: JournalCipher;

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

  /** A new journal (any earlier one in `dir` is deleted); with `key`, its pages are encrypted. */
  static async start(dir: string, state: Omit<JournalState, 'version' | 'tasks' | 'encryption'>, key?: string): Promise<CaptureJournal> {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const sealed = key ? JournalCipher.create(key) : undefined;
    const journal = new CaptureJournal(dir, { ...state, version: 1, encryption: sealed?.encryption, tasks: {} });
    journal.cipher = sealed?.cipher;
    await journal.persist();
    return journal;
  }

  /**
   * Readies a found journal for a capture with `key` (none: a snapshot in clear). `other-kind`: it
   * was written for a snapshot encrypted when this one is not, or the other way round.
   */
  unlock(key: string | undefined): JournalKeyFit {
    if (!this.state.encryption || !key) return !this.state.encryption && !key ? 'fits' : 'other-kind';
    this.cipher = JournalCipher.open(key, this.state.encryption);
    return this.cipher ? 'fits' : 'wrong-key';
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
    const text = utf8Lines(jsons);
    const bytes = this.cipher && text.length ? this.cipher.seal(text) : text;
    const handle = await fs.open(this.file(task), 'a');
    try {
      await handle.write(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    cursor.bytes += bytes.length;
    cursor.records += jsons.length;
    cursor.pages++;
    cursor.pageToken = nextPageToken;
    cursor.done = nextPageToken === undefined;
    await this.persist();
  }

  /** The records of a task, one at a time. */
  async *records<T = Record<string, unknown>>(task: string): AsyncGenerator<T> {
    if (this.cipher) {
      yield* this.sealedRecords<T>(task, this.cipher);
      return;
    }
    for await (const line of fileLines(this.file(task))) if (line) yield JSON.parse(line) as T;
  }

  private async *sealedRecords<T>(task: string, cipher: JournalCipher): AsyncGenerator<T> {
    let pending: Buffer = Buffer.alloc(0);
    for await (const chunk of createReadStream(this.file(task))) {
      pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
      const opened = cipher.openFrames(pending);
      if (!opened) {
        throw new SnapshotCorruptError(
          `The interrupted capture's journal (${this.file(task)}) is damaged; run the capture again with --restart.`,
          this.file(task),
        );
      }
      pending = pending.subarray(opened.used);
      for (const page of opened.frames) for (const line of page.toString('utf8').split('\n')) if (line) yield JSON.parse(line) as T;
    }
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
