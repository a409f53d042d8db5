/**
 * Lines kept on disk under a key, and read back key by key in the order they were written: what
 * a large plan's steps wait in while it is made (restore/planSteps.ts). At a million contacts a
 * 10% loss is 350k steps, 0.7 GiB as JavaScript objects and 0.35 GiB as text; on disk they cost
 * the process a chunk per key.
 *
 * Lines are gathered per key into chunks of whole lines and each chunk is appended to one working
 * file (snapshot/workingFile.ts: encrypted with a key only this process holds, nameless where the
 * platform allows, so a crash leaves nothing readable behind). Reading a key reads its chunks in
 * order. Everything is synchronous: planning is, and a chunk is read or written in one call.
 * A line must not hold a newline (JSON.stringify's output never does).
 */
import { readSync, writeSync } from 'node:fs';
import { withPath } from '../fs/systemErrors';
import { placeCipher, WorkingFile, type PlaceCipher } from '../snapshot/workingFile';

/**
 * Lines are written and read this many characters at a time, about; a longer line is a chunk of its
 * own. Small enough that a chunk's text (and its lines) stay in V8's young generation, which is
 * swept as it fills: a string over 128 KiB goes to the large-object space, which only a full
 * collection frees. Measured writing a 10% loss's plan at 1M contacts (bench/scale planTenth):
 * chunks of 256 Ki characters and pages of 1 MiB grew the heap by 0.3 GiB while the plan was
 * written (peak 1.81 GiB); at 32 Ki it did not grow (1.54 GiB).
 */
const CHUNK_CHARS = 1 << 15;

export class LineSpool<K> {
  private readonly file: WorkingFile;
  private readonly cipher: PlaceCipher;
  private end = 0;
  private readonly pending = new Map<K, { lines: string[]; chars: number }>();
  /** Per key, where its chunks are: offset and length, alternately. */
  private readonly chunks = new Map<K, number[]>();
  private lineCount = 0;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly chunkChars = CHUNK_CHARS,
  ) {
    this.file = WorkingFile.create(dir);
    this.cipher = placeCipher(this.file.handle);
  }

  get size(): number {
    return this.lineCount;
  }

  append(key: K, line: string): void {
    this.open();
    let pending = this.pending.get(key);
    if (!pending) this.pending.set(key, (pending = { lines: [], chars: 0 }));
    pending.lines.push(line);
    pending.chars += line.length + 1;
    this.lineCount++;
    if (pending.chars >= this.chunkChars) this.flush(key);
  }

  /** The lines of `key`, in the order appended (those appended while reading may or may not come). */
  *lines(key: K): Generator<string> {
    this.open();
    this.flush(key);
    const chunks = this.chunks.get(key) ?? [];
    for (let i = 0; i < chunks.length; i += 2) {
      const text = this.read(chunks[i], chunks[i + 1]);
      // Each chunk ends with a newline: the last piece of the split is empty.
      const lines = text.split('\n');
      for (let j = 0; j < lines.length - 1; j++) yield lines[j];
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.clear();
    this.chunks.clear();
    this.file.close();
  }

  /** A closed spool refuses rather than reads as empty: a plan read from one would lack its steps. */
  private open(): void {
    // invariant: a plan's steps are written and read before its spool is closed (planner.ts SpooledPlan).
    if (this.closed) throw new Error('A line spool was used after it was closed');
  }

  private flush(key: K): void {
    const pending = this.pending.get(key);
    if (!pending?.lines.length) return;
    const bytes = this.cipher.apply(Buffer.from(`${pending.lines.join('\n')}\n`, 'utf8'), this.end);
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(this.file.handle.fd, bytes, done, bytes.length - done, this.end + done);
    } catch (err) {
      // A full disk says where: the file has no name, so its folder is named.
      throw withPath(err, this.dir);
    }
    let chunks = this.chunks.get(key);
    if (!chunks) this.chunks.set(key, (chunks = []));
    chunks.push(this.end, bytes.length);
    this.end += bytes.length;
    pending.lines = [];
    pending.chars = 0;
  }

  private read(at: number, length: number): string {
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length;) {
      const read = readSync(this.file.handle.fd, bytes, done, length - done, at + done);
      // invariant: the chunk was written whole to this process's own file, which nobody else can open.
      if (read === 0) throw new Error(`A spool chunk at ${at} ended after ${done} of ${length} bytes`);
      done += read;
    }
    return this.cipher.apply(bytes, at).toString('utf8');
  }
}
