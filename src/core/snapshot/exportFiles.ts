/**
 * Writing an export's files safely. File names come from entity names only (never from data) and
 * are checked to stay inside the output folder. Files are created 0600, like snapshots, since they
 * hold personal data, and written through a stream with backpressure, so memory does not grow with
 * the number of rows. A final name is never replaced unless overwriting was asked for.
 */
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { ExportExistsError, ExportPathError } from './exportErrors';

/** Characters after which the stream is written to; keeps per-row write calls off the hot path. */
const CHUNK_CHARS = 64 * 1024;
const STREAM_HIGH_WATER = 1024 * 1024;

/** `name` inside `dir`; throws if it would resolve to `dir` itself or anywhere outside it. */
export function safeJoin(dir: string, name: string): string {
  const root = path.resolve(dir);
  const full = path.resolve(root, name);
  const rel = path.relative(root, full);
  if (rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel) || name.includes('\0')) {
    throw new ExportPathError(`Refusing to write '${name}': it is not a file inside ${root}.`, full);
  }
  return full;
}

/** Throws ExportExistsError if anything (a file, a folder, even a dangling link) has this name. */
export async function refuseExisting(file: string): Promise<void> {
  try {
    await fs.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  throw new ExportExistsError(`${file} already exists; export to another folder or pass overwrite (--overwrite) to replace it.`, file);
}

/** A write stream fed in chunks; `push` says when the caller should `flush` (and so wait for the disk). */
export class FileSink {
  private parts: string[] = [];
  private chars = 0;
  private error?: Error;

  private constructor(
    private readonly stream: WriteStream,
    private readonly signal?: AbortSignal,
  ) {
    // Recorded, not thrown: an 'error' with no listener would crash the process.
    stream.on('error', (err) => (this.error ??= err));
  }

  static async open(file: string, signal?: AbortSignal): Promise<FileSink> {
    const stream = createWriteStream(file, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: STREAM_HIGH_WATER });
    const sink = new FileSink(stream, signal);
    await once(stream, 'ready');
    return sink;
  }

  push(text: string): boolean {
    this.parts.push(text);
    this.chars += text.length;
    return this.chars >= CHUNK_CHARS;
  }

  async flush(): Promise<void> {
    if (this.error) throw this.error;
    if (!this.parts.length) return;
    const ok = this.stream.write(this.parts.join(''));
    this.parts = [];
    this.chars = 0;
    if (!ok) await once(this.stream, 'drain', { signal: this.signal });
  }

  /** Ends the file (flushed to disk) and returns its size. */
  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    return this.stream.bytesWritten;
  }

  async destroy(): Promise<void> {
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy();
    await closed;
  }
}

/** Hard-link then unlink: unlike rename, fails with EEXIST instead of replacing the target. */
export async function renameNoClobber(tmp: string, target: string): Promise<void> {
  try {
    await fs.link(tmp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ExportExistsError(`${target} appeared during the export; it was not replaced.`, target);
    // File systems without hard links: check, then rename (a small window, but the best there is).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw err;
    await refuseExisting(target);
    await fs.rename(tmp, target);
    return;
  }
  await fs.rm(tmp, { force: true });
}
