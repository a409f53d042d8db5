/**
 * The SHA-256 of a snapshot's image, fed as its bytes arrive while the file is read. Hashing runs at
 * about 1.2 GB/s here and reading at about twice that, so at a million contacts (a 1.6 GB image) the
 * hash took half of every open. Above a size where a thread pays for itself, the image is read into
 * memory shared with a thread that hashes each piece while the next one is read; below it, the
 * hash runs inline. Either way the image is in memory once.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SnapshotHashError } from './errors';

/** Beside this module, compiled (tests) or bundled (dist/, see esbuild.js). */
const WORKER_FILE = path.join(__dirname, 'imageHashWorker.js');
/** Starting a thread costs some 30-50 ms; hashing 64 MiB inline about as much. */
export const PARALLEL_HASH_BYTES = 64 * 1024 * 1024;

export type HashRequest =
  | { type: 'start'; shared: SharedArrayBuffer }
  | { type: 'update'; start: number; end: number }
  | { type: 'digest' }
  /** Read the first `length` bytes of an open file (descriptors are the process's: the thread shares them) and hash them. */
  | { type: 'file'; fd: number; length: number };
export type HashReply = { ok: true; sha256: string } | { ok: false; error: string } | { progress: number };

/** Hashes [0, length) of a buffer as ranges of it are filled, in order. */
export interface ImageHasher {
  /** The bytes [start, end) of the buffer are in (ranges come in order, each after the last). */
  update(start: number, end: number): void;
  digest(): Promise<string>;
  /** Stops a hash not finished (an error or a cancel while reading); idempotent. */
  close(): Promise<void>;
}

/**
 * A buffer of `size` bytes to read an image into, and the hasher of its first `hashed` bytes: in
 * shared memory with a thread of its own for a large image, else an ordinary buffer hashed inline.
 */
export function imageBuffer(size: number, hashed: number): { bytes: Buffer; hasher: ImageHasher } {
  if (size < PARALLEL_HASH_BYTES) {
    const bytes = Buffer.allocUnsafe(size);
    return { bytes, hasher: new InlineHash(bytes, hashed) };
  }
  const shared = new SharedArrayBuffer(size);
  return { bytes: Buffer.from(shared), hasher: new ParallelHash(shared, hashed) };
}

class InlineHash implements ImageHasher {
  private readonly hash = createHash('sha256');

  constructor(
    private readonly bytes: Uint8Array,
    private readonly hashed: number,
  ) {}

  update(start: number, end: number): void {
    if (start < this.hashed) this.hash.update(this.bytes.subarray(start, Math.min(end, this.hashed)));
  }

  async digest(): Promise<string> {
    return this.hash.digest('hex');
  }

  async close(): Promise<void> {}
}

class ParallelHash implements ImageHasher {
  private readonly worker = new Worker(WORKER_FILE);
  private readonly failed: Promise<never>;

  constructor(
    shared: SharedArrayBuffer,
    private readonly hashed: number,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      this.worker.once('error', reject);
      this.worker.once('exit', (code) =>
        reject(new SnapshotHashError(`The thread verifying the snapshot stopped (exit code ${code}); nothing was changed, open it again.`)),
      );
    });
    this.failed.catch(() => undefined); // heard by digest(); not an unhandled rejection meanwhile
    this.worker.postMessage({ type: 'start', shared } satisfies HashRequest);
  }

  update(start: number, end: number): void {
    if (start < this.hashed) this.worker.postMessage({ type: 'update', start, end: Math.min(end, this.hashed) } satisfies HashRequest);
  }

  async digest(): Promise<string> {
    const reply = new Promise<HashReply>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage({ type: 'digest' } satisfies HashRequest);
    try {
      const answer = await Promise.race([reply, this.failed]);
      // invariant: only a file's hash ('file') reports progress, and this thread was given shared memory.
      if ('progress' in answer) throw new Error('A progress report answered a digest.');
      if (!answer.ok) throw new SnapshotHashError(`Verifying the snapshot failed: ${answer.error}; nothing was changed, open it again.`);
      return answer.sha256;
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * The SHA-256 of the first `length` bytes of the file open as `fd`, read and hashed on a thread of
 * its own: a snapshot read from disk as SQLite needs it (fileOnDemand.ts) is verified without being
 * held, and without the caller's thread doing the hashing. `onRead` hears bytes hashed so far; an
 * aborted `signal` stops the thread and rejects with its reason.
 */
export async function hashOpenFile(
  fd: number,
  length: number,
  control: { onRead?: (bytes: number) => void; signal?: AbortSignal } = {},
): Promise<string> {
  const worker = new Worker(WORKER_FILE);
  try {
    return await new Promise<string>((resolve, reject) => {
      const stop = () => reject(control.signal?.reason);
      if (control.signal?.aborted) return stop();
      control.signal?.addEventListener('abort', stop, { once: true });
      worker.on('message', (reply: HashReply) => {
        if ('progress' in reply) control.onRead?.(reply.progress);
        else if (reply.ok) resolve(reply.sha256);
        else reject(new SnapshotHashError(`Verifying the snapshot failed: ${reply.error}; nothing was changed, open it again.`));
      });
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new SnapshotHashError(`The thread verifying the snapshot stopped (exit code ${code}); nothing was changed, open it again.`)),
      );
      worker.postMessage({ type: 'file', fd, length } satisfies HashRequest);
    });
  } finally {
    await worker.terminate();
  }
}
