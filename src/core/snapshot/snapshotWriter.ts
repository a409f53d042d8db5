/**
 * A full capture's snapshot is built on a thread of its own. The capture's thread reads Keap's
 * pages, parses them, journals them and prepares their rows (`prepareRows`); the writer's thread
 * compresses the records and stores them in sql.js. Both were on one thread before, and that
 * thread was the capture's limit: Keap (or the emulator) answers on another core meanwhile.
 * The writer builds the database in a working file (workingFile.ts), not in memory: at a million
 * contacts it is 1.5 GB. At the end the snapshot file is written here from the working file, where
 * its errors are the capture's own; a live read is handed the working file itself.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FileOnDemand } from './fileOnDemand';
import type { SnapshotEntity } from './entities';
import { SnapshotWriterError } from './errors';
import { prepareRows } from './preparedRows';
import type { SavedMeta, SnapshotMeta } from './snapshotDb';
import { writeSnapshotFile } from './snapshotFile';
import type { WriterData, WriterReply, WriterRequest } from './snapshotWriterProtocol';
import { placeCipher, WorkingFile } from './workingFile';

/** Beside this module, compiled (tests) or bundled (dist/, see esbuild.js). */
const WORKER_FILE = path.join(__dirname, 'snapshotWriterWorker.js');
/**
 * How long close() waits for the thread to finish what it was asked and leave before terminating it:
 * a page takes milliseconds, the last step (exporting the image) seconds at a million contacts.
 */
const LEAVE_MS = 60_000;

type Request = WriterRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export class SnapshotWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(reply: WriterReply): void; reject(err: Error): void }>();
  private nextId = 1;
  private stopped?: SnapshotWriterError;
  private readonly exited: Promise<void>;
  private readonly working: WorkingFile;
  /** The working file went to a live read's snapshot, which closes it. */
  private handedOver = false;

  /**
   * `afterStop`: what the user is told of their data when the thread stops: a capture's pages are
   * in its journal and the next capture continues from them; a live read is only read again.
   * `dir`: where the working file is made: a capture's snapshot folder, a live read's state folder
   * (never the system's temporary folder, which may be memory).
   * `workerFile`: the thread's script; tests give one that stops on cue.
   */
  constructor(
    private readonly afterStop = "Nothing read from Keap is lost: every page is in the capture's journal, and the next capture continues from it.",
    options: { dir: string; workerFile?: string },
  ) {
    this.working = WorkingFile.create(options.dir);
    this.worker = new Worker(options.workerFile ?? WORKER_FILE, { workerData: { working: this.working.handle } satisfies WriterData });
    this.exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (reply: WriterReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply);
      else waiter?.reject(new SnapshotWriterError(`Writing the snapshot failed: ${reply.error}`));
    });
    this.worker.on('error', (err) => this.stop(`Keap Vault's snapshot writer stopped: ${err.message}`));
    this.worker.on('exit', (code) => this.stop(`Keap Vault's snapshot writer stopped (exit code ${code}).`));
  }

  /** Stores a page of records (one entity, in Keap's order) with their JSON; resolves when stored. */
  async insert(entity: SnapshotEntity, records: readonly object[], jsons: readonly string[]): Promise<void> {
    await this.ask({ type: 'insert', entity, rows: prepareRows(entity, records), jsons: jsons as string[] });
  }

  /**
   * Every record of the entity is in: its indexes are built now, on the writer's thread, while
   * other entities are still read, instead of in the capture's last step.
   */
  async entityDone(entity: SnapshotEntity): Promise<void> {
    await this.ask({ type: 'index', entity });
  }

  /** Writes the snapshot file, atomically and encrypted if asked; the writer is done after it. */
  async save(file: string, meta: SavedMeta, options: { key?: string } = {}): Promise<SnapshotMeta> {
    const reply = await this.ask({ type: 'finish', meta });
    // invariant: the writer answers 'finish' with the database's length and the metadata it recorded (snapshotWriterWorker.ts).
    if (!reply.ok || reply.bytes === undefined || !reply.meta) throw new Error('The snapshot writer finished without a database');
    const database = new FileOnDemand(this.working.handle.fd, reply.bytes, file, {
      cipher: placeCipher(this.working.handle),
      ownsFd: false,
    });
    const checksum = await writeSnapshotFile(file, { length: reply.bytes, read: (start, end) => database.read(start, end) }, options.key);
    return { ...reply.meta, checksum };
  }

  /**
   * The finished database, left in the working file, with its length and SHA-256, for a live read
   * (`captureIntoMemory`) to read in place; the writer is done after it, and `release` closes the file.
   */
  async database(meta: SavedMeta): Promise<{ working: WorkingFile; bytes: number; sha256: string }> {
    const reply = await this.ask({ type: 'finish', meta, hash: true });
    // invariant: asked with `hash`, the writer answers 'finish' with the database's length and hash (snapshotWriterWorker.ts).
    if (!reply.ok || reply.bytes === undefined || !reply.sha256) throw new Error('The snapshot writer finished without a database');
    this.handedOver = true;
    return { working: this.working, bytes: reply.bytes, sha256: reply.sha256 };
  }

  /**
   * Ends the thread (and with it the database, if not saved). The thread is asked to leave after
   * what it was asked before, rather than terminated: terminating it in the middle of a compression
   * left a zlib handle made but not set up, and Node 20 aborted the whole process when it cleaned
   * that handle up (`node_zlib.cc: close before init`). Terminated only if it does not leave in time.
   */
  async close(): Promise<void> {
    try {
      if (this.stopped) return await this.exited; // closed already, or the thread stopped on its own
      this.stopped = new SnapshotWriterError('The snapshot writer was closed.');
      this.worker.postMessage({ type: 'close', id: this.nextId++ } satisfies WriterRequest);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), LEAVE_MS)));
      try {
        if ((await Promise.race([this.exited, late])) === 'late') await this.worker.terminate();
      } finally {
        clearTimeout(timer);
      }
    } finally {
      // Only once the thread is gone: it writes to the file until then.
      if (!this.handedOver) this.working.close();
    }
  }

  private ask(request: Request): Promise<WriterReply> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<WriterReply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as WriterRequest);
    });
  }

  private stop(message: string): void {
    this.stopped ??= new SnapshotWriterError(`${message} ${this.afterStop}`);
    for (const waiter of this.waiting.values()) waiter.reject(this.stopped);
    this.waiting.clear();
  }
}
