/**
 * A snapshot's database file read from disk page by page as SQLite asks for it, instead of whole
 * into memory first.
 *
 * sql.js keeps a database file in a JavaScript array (Emscripten's MEMFS) and reads a page from it
 * with `contents.subarray(start, end)`; it writes with `contents.set(bytes, at)` and takes the
 * array's `length` as its capacity (fileRoom.ts says how the array is handed over). A large plain
 * snapshot is handed over as an object answering those three: `subarray` reads the range from the
 * file's descriptor, `set` keeps what SQLite writes in memory (chunk by chunk: the file on disk is
 * never written), and `length` is a capacity MEMFS never needs to grow. At a million contacts the
 * file is 1.5 GB: reading it whole took 7-8 s and held it all; the first page of orders needs a few
 * hundred of its pages.
 *
 * A read that fails (the disk, a file cut short behind our back) gives SQLite zeros, which it
 * reports as a damaged database, and is remembered in `failure`; the checksum, read on a thread of
 * its own (imageHash.ts), would fail too. Throwing instead would unwind through SQLite's C code and
 * leave it in a state nothing could trust.
 *
 * The descriptor stays open while the database is: on Linux and macOS a snapshot saved again at the
 * same path (written aside and renamed over it) leaves this one reading the file it opened.
 */
import { closeSync, readSync, writeSync } from 'node:fs';
import type { PlaceCipher } from './workingFile';

export interface FileOnDemandOptions {
  /** The file's bytes are encrypted in place (a working file: workingFile.ts). */
  cipher?: PlaceCipher;
  /** What SQLite writes goes to the file (a database being built), instead of staying in memory. */
  writeThrough?: boolean;
  /** Whether `close` closes the descriptor (not when a WorkingFile owns it). Default true. */
  ownsFd?: boolean;
}

/** What SQLite writes is kept in chunks of its smallest page size (it writes whole pages). */
const CHUNK = 4096;

export class FileOnDemand {
  /** What SQLite wrote, by chunk; on top of the file's bytes. */
  private readonly written = new Map<number, Uint8Array>();
  /** One buffer for page reads: MEMFS copies each answer of `subarray` at once. */
  private scratch = Buffer.allocUnsafe(64 * 1024);
  private closed = false;
  /** Bytes read from the file so far (what an open of a large snapshot spared: see the tests). */
  bytesRead = 0;
  /** The first read that failed, as a sentence; SQLite saw zeros instead. */
  failure: string | undefined;

  /** `fd` is the snapshot file's, open for reading; its first `imageBytes` bytes are the database. */
  constructor(
    private readonly fd: number,
    /** Grows as SQLite writes past it, when writing through. */
    public imageBytes: number,
    private readonly file: string,
    private readonly options: FileOnDemandOptions = {},
  ) {}

  /**
   * What to pass to `new SQL.Database(...)`: as long as the image (MEMFS takes that as the file's
   * size), and answering `slice` with this object, which MEMFS then keeps as the file's storage.
   */
  handover(): Uint8Array {
    const storage = this.storage();
    return { length: this.imageBytes, subarray: storage.subarray, slice: () => storage } as unknown as Uint8Array;
  }

  /** The bytes [start, end) as SQLite last wrote or the file holds them; valid until the next call. */
  read(start: number, end: number): Uint8Array {
    const length = Math.max(end - start, 0);
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(length);
    const out = this.scratch.subarray(0, length);
    const onDisk = Math.max(Math.min(end, this.imageBytes) - start, 0);
    this.readFile(out, onDisk, start);
    out.fill(0, onDisk);
    if (this.written.size) this.overlay(out, start, end);
    return out;
  }

  /** Keeps what SQLite writes at `at` in memory (or writes it to the file); later reads of it see it. */
  write(bytes: Uint8Array, at: number): void {
    const end = at + bytes.length;
    if (this.options.writeThrough) {
      const out = this.options.cipher ? this.options.cipher.apply(bytes, at) : bytes;
      // A failed write is not SQLite's to survive (zeros would be data lost): it stops the writer's thread.
      for (let done = 0; done < out.length;) done += writeSync(this.fd, out, done, out.length - done, at + done);
      this.imageBytes = Math.max(this.imageBytes, end);
      return;
    }
    for (let chunk = Math.floor(at / CHUNK); chunk * CHUNK < end; chunk++) {
      let kept = this.written.get(chunk);
      if (!kept) {
        kept = Uint8Array.from(this.read(chunk * CHUNK, (chunk + 1) * CHUNK));
        this.written.set(chunk, kept);
      }
      const from = Math.max(at, chunk * CHUNK);
      const to = Math.min(end, (chunk + 1) * CHUNK);
      kept.set(bytes.subarray(from - at, to - at), from - chunk * CHUNK);
    }
  }

  /** Bytes held in memory for what SQLite wrote. */
  get writtenBytes(): number {
    return this.written.size * CHUNK;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.written.clear();
    if (this.options.ownsFd !== false) closeSync(this.fd);
  }

  /** The object MEMFS keeps as the file's storage. */
  private storage(): { length: number; subarray(start: number, end: number): Uint8Array; set(bytes: Uint8Array, at: number): void } {
    return {
      // Never less than what is asked for, so MEMFS never copies the file into an array to grow it.
      length: Number.MAX_SAFE_INTEGER,
      subarray: (start: number, end: number) => this.read(start, end),
      set: (bytes: Uint8Array, at = 0) => this.write(bytes, at),
    };
  }

  private readFile(out: Buffer, length: number, position: number): void {
    let done = 0;
    try {
      while (done < length) {
        const n = readSync(this.fd, out, done, length - done, position + done);
        if (n === 0) {
          this.failure ??= `${this.file} got shorter while it was open (${position + done} of ${this.imageBytes} bytes are left).`;
          break;
        }
        done += n;
      }
    } catch (err) {
      this.failure ??= `${this.file} could not be read while it was open (${(err as Error).message}).`;
    }
    this.bytesRead += done;
    out.fill(0, done, length);
    if (this.options.cipher && done) this.options.cipher.apply(out.subarray(0, done), position).copy(out);
  }

  private overlay(out: Uint8Array, start: number, end: number): void {
    for (let chunk = Math.floor(start / CHUNK); chunk * CHUNK < end; chunk++) {
      const kept = this.written.get(chunk);
      if (!kept) continue;
      const from = Math.max(start, chunk * CHUNK);
      const to = Math.min(end, (chunk + 1) * CHUNK);
      out.set(kept.subarray(from - chunk * CHUNK, to - chunk * CHUNK), from - start);
    }
  }
}
