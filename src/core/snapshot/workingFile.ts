/**
 * The file a snapshot's database is built in, on disk rather than in memory: at a million contacts
 * the database is 1.5 GB, which a capture held whole until it was saved, and a live read (planning,
 * the stale check, a comparison) for as long as it was used.
 *
 * Its bytes are encrypted (AES-256-CTR) with a key made for it and kept only in this process's
 * memory, so what it holds of the account is unreadable once the process is gone, whether the file
 * was removed or not. CTR turns any byte range into its own: a page is encrypted where SQLite
 * writes it and decrypted where it reads it, no neighbours needed. No authentication: the file is
 * this process's own scratch, not something it trusts from elsewhere (a snapshot file is hashed).
 *
 * Where the platform lets an open file be removed (Linux, macOS), it is removed as soon as it is
 * made: nothing is left behind by a crash. Elsewhere (Windows) it is removed when closed, and what a
 * crashed process left (up to the size of a snapshot, unreadable without its key) is removed by
 * the next working file made in the same folder.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from '../work/processAlive';

const PREFIX = '.keap-vault-working-';
/** A working file's name: the process that made it, and a random part. */
const NAME = /^\.keap-vault-working-(\d+)-[0-9a-f]+$/;

/** Encrypts or decrypts bytes at their place in the file (CTR: the same operation). */
export interface PlaceCipher {
  apply(bytes: Uint8Array, at: number): Buffer;
}

/** What a thread needs to use the same file: descriptors are the process's, shared by its threads. */
export interface WorkingFileHandle {
  fd: number;
  key: Uint8Array;
  iv: Uint8Array;
}

export class WorkingFile {
  private closed = false;

  private constructor(
    readonly handle: WorkingFileHandle,
    /** Set while the file still has a name to remove at close. */
    private named: string | undefined,
  ) {}

  /** A new, empty working file in `dir` (a capture's snapshot folder, a live read's state folder). */
  static create(dir: string): WorkingFile {
    removeLeftovers(dir);
    const file = path.join(dir, `${PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
    const fd = openSync(file, 'wx+', 0o600);
    let named: string | undefined = file;
    try {
      unlinkSync(file);
      named = undefined;
    } catch {
      // Windows keeps the name of a file open anywhere: removed at close instead.
    }
    return new WorkingFile({ fd, key: randomBytes(32), iv: randomBytes(16) }, named);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.handle.fd);
    if (this.named) rmSync(this.named, { force: true });
  }
}

/** The cipher of a working file, from its handle (on any thread). */
export function placeCipher(handle: Pick<WorkingFileHandle, 'key' | 'iv'>): PlaceCipher {
  const base = BigInt(`0x${Buffer.from(handle.iv).toString('hex')}`);
  const key = Buffer.from(handle.key);
  return {
    apply(bytes, at) {
      const block = BigInt(Math.floor(at / 16));
      const counter = Buffer.from(((base + block) & ((1n << 128n) - 1n)).toString(16).padStart(32, '0'), 'hex');
      const cipher = createCipheriv('aes-256-ctr', key, counter);
      const skip = at % 16;
      if (skip) cipher.update(Buffer.alloc(skip));
      return cipher.update(bytes);
    },
  };
}

/**
 * Removes the working files in `dir` whose process is gone. One still open elsewhere (a process on
 * another machine sharing the folder, whose pid means nothing here) cannot be removed on Windows,
 * the only platform where working files keep a name: that failure is ignored.
 */
function removeLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder yet: nothing left in it
  }
  for (const name of names) {
    const pid = Number(NAME.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    try {
      rmSync(path.join(dir, name), { force: true });
    } catch {
      // In use after all: left for a later run.
    }
  }
}
