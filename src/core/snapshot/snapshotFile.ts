/**
 * A snapshot file's bytes, read and written in pieces: a large snapshot is held in memory once
 * (as the database's image), never a second time as file bytes, ciphertext or hash input.
 *
 * Format 2 on disk: the SQLite image, then a trailer with the SHA-256 of the image. It covers
 * every byte (rows, indexes, compressed records, metadata), which a checksum stored inside the
 * image could not, and hashing bytes already in memory runs at over 1 GB/s here, where format 1's
 * row-by-row checksum had to decompress and walk every record. SQLite and other tools ignore the trailer: the image's header says how long it is.
 * Encrypted, the same bytes go through envelope 2 (see envelope.ts).
 *
 * Format 1 files (no trailer; envelope 1) are read whole, as they were written.
 *
 * Reading runs on the caller's thread (the extension host's, for the explorer), so it goes piece by
 * piece with a turn of the event loop between pieces: each piece's read is asynchronous, its
 * decryption takes a few ms. The image is hashed as it arrives, not in a second pass, and a large
 * one on a thread of its own while the next piece is read (imageHash.ts).
 */
import { createHash } from 'node:crypto';
import { close as closeFd, open as openFd, promises as fs, read as readFd } from 'node:fs';
import { promisify } from 'node:util';
import { writeFileAtomic } from '../fs/atomicWrite';
import { withPath } from '../fs/systemErrors';
import { envelopeVersion, ENVELOPE_MAGIC, startDecryption, startEnvelope1Decryption, startEncryption, TAG_BYTES } from './envelope';
import { SnapshotCorruptError, SnapshotKeyError, SnapshotNotFoundError } from './errors';
import { EventLoopSlices } from '../work/eventLoopSlices';
import { hashOpenFile, imageBuffer, type ImageHasher } from './imageHash';
import { SQLITE_MAGIC } from './sqlite';
import type { WorkControl } from '../work/progress';
import { throwIfCancelled } from '../work/cancelled';

const TRAILER_PREFIX = '\nKEAPVAULT-SHA256 ';
/** Prefix, 64 hex digits, newline. */
export const TRAILER_BYTES = TRAILER_PREFIX.length + 64 + 1;
/** Pieces of 16 MiB: large enough to be fast, small enough not to matter beside the image. */
const CHUNK = 16 * 1024 * 1024;
/**
 * Pieces read while opening: decrypting and hashing 4 MiB takes about 5-10 ms here, so a turn of the
 * event loop comes well within the 100 ms an extension host may be held.
 */
const READ_PIECE = 4 * 1024 * 1024;

export interface SnapshotImage {
  /** The SQLite database. */
  image: Uint8Array;
  /** SHA-256 of the image, checked against the file's trailer (format 2 files only). */
  sha256?: string;
  encrypted: boolean;
}

export async function readSnapshotFile(file: string, key: string | undefined, control: WorkControl = {}): Promise<SnapshotImage> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new SnapshotNotFoundError(`No snapshot at ${file}`, file);
    throw withPath(err, file);
  }
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 4096));
    await handle.read(head, 0, head.length, 0);
    const envelope = envelopeVersion(head);
    const reading = new PieceReader(handle, size, file, control);
    if (envelope === 1) return { image: await reading.decryptEnvelope1(key), encrypted: true };
    if (envelope === 2) return { ...(await readEncrypted(reading, head, key)), encrypted: true };
    const { bytes, hasher } = imageBuffer(size, imageLength(size));
    try {
      await reading.into(bytes, 0, size, (start, end) => hasher.update(start, end));
      return { ...(await withTrailer(bytes, hasher, file)), encrypted: false };
    } finally {
      await hasher.close();
    }
  } catch (err) {
    throw withPath(err, file); // names the file in a system error; any other error passes unchanged
  } finally {
    await handle.close();
  }
}

/** A plain format 2 file whose image SQLite can read from disk as it needs it (fileOnDemand.ts). */
export interface ImageOnDisk {
  /** Open for reading; the caller closes it. */
  fd: number;
  imageBytes: number;
  /** The hash the file's trailer states: `verifyImageOnDisk` checks it. */
  sha256: string;
}

/**
 * The file's descriptor, image length and stated hash when it is a plain (not encrypted) format 2
 * snapshot of at least `minBytes`; undefined for any other file, which is read whole (an encrypted
 * image is authenticated as one piece, and format 1 has no trailer to verify by). The header's own
 * count of its pages must match the image's length: a file cut short is refused here, at once.
 */
export async function plainImageOnDisk(file: string, minBytes: number): Promise<ImageOnDisk | undefined> {
  let fd: number;
  try {
    fd = await promisify(openFd)(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new SnapshotNotFoundError(`No snapshot at ${file}`, file);
    throw withPath(err, file);
  }
  let kept = false;
  try {
    const { size } = await fs.stat(file);
    if (size < Math.max(minBytes, TRAILER_BYTES + 100)) return undefined;
    const read = async (length: number, position: number) => {
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await promisify(readFd)(fd, bytes, 0, length, position);
      return bytes.subarray(0, bytesRead);
    };
    const head = await read(100, 0);
    if (head.toString('latin1', 0, 16) !== SQLITE_MAGIC) return undefined; // encrypted, or not a snapshot: the whole read says which
    const trailer = (await read(TRAILER_BYTES, size - TRAILER_BYTES)).toString('latin1');
    if (!trailer.startsWith(TRAILER_PREFIX)) return undefined; // format 1
    const imageBytes = size - TRAILER_BYTES;
    const pageSize = head.readUInt16BE(16) === 1 ? 65536 : head.readUInt16BE(16);
    const pages = head.readUInt32BE(92) === head.readUInt32BE(24) ? head.readUInt32BE(28) : undefined;
    if (pages !== undefined && pages * pageSize !== imageBytes)
      throw new SnapshotCorruptError(
        `${file} is cut short or damaged: it holds ${imageBytes} bytes of database where its header counts ${pages * pageSize}.`,
        file,
      );
    kept = true;
    return { fd, imageBytes, sha256: trailer.slice(TRAILER_PREFIX.length, -1) };
  } catch (err) {
    throw withPath(err, file);
  } finally {
    if (!kept) await promisify(closeFd)(fd);
  }
}

/**
 * Reads the image of an `ImageOnDisk` through and checks it against its trailer's hash, on a thread
 * of its own; `control` hears bytes verified and may stop it (CancelledError, or the signal's reason).
 */
export async function verifyImageOnDisk(onDisk: ImageOnDisk, file: string, control: WorkControl = {}): Promise<void> {
  const sha256 = await hashOpenFile(onDisk.fd, onDisk.imageBytes, {
    signal: control.signal,
    onRead: (done) => control.onProgress?.({ step: 'Verifying', done, total: onDisk.imageBytes, unit: 'bytes' }),
  }).catch((err: unknown) => {
    throwIfCancelled(control.signal, `Opening ${file}`);
    throw err;
  });
  if (sha256 !== onDisk.sha256) throw checksumMismatch(file);
}

/** A database image to write, read piece by piece (from a working file: snapshotWriter.ts). */
export interface ImageSource {
  length: number;
  /** The bytes [start, end); valid until the next call. */
  read(start: number, end: number): Uint8Array;
}

/** Writes image + trailer (encrypted when a key is given) atomically; returns the image's SHA-256. */
export async function writeSnapshotFile(file: string, image: Uint8Array | ImageSource, key: string | undefined): Promise<string> {
  const source: ImageSource =
    image instanceof Uint8Array ? { length: image.length, read: (start, end) => image.subarray(start, end) } : image;
  let sha256 = '';
  await writeFileAtomic(file, async (handle) => {
    const hash = createHash('sha256');
    const encryption = key ? startEncryption(key) : undefined;
    const write = async (bytes: Uint8Array) => {
      const out = encryption ? encryption.cipher.update(bytes) : bytes;
      if (out.length) await handle.write(out);
    };
    if (encryption) await handle.write(encryption.header);
    for (let at = 0; at < source.length; at += CHUNK) {
      const piece = source.read(at, Math.min(at + CHUNK, source.length));
      hash.update(piece);
      await write(piece);
    }
    sha256 = hash.digest('hex');
    await write(Buffer.from(`${TRAILER_PREFIX}${sha256}\n`, 'latin1'));
    if (encryption) {
      const last = encryption.cipher.final();
      if (last.length) await handle.write(last);
      await handle.write(encryption.cipher.getAuthTag());
    }
  });
  return sha256;
}

async function readEncrypted(reading: PieceReader, head: Buffer, key: string | undefined): Promise<{ image: Uint8Array; sha256?: string }> {
  const { size, file } = reading;
  const tag = Buffer.alloc(TAG_BYTES);
  if (size < head.indexOf(0x0a, ENVELOPE_MAGIC.length) + 1 + TAG_BYTES)
    throw new SnapshotCorruptError('The encrypted snapshot is cut short; the file cannot be read.', file);
  await reading.handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  const { decipher, bodyStart } = await startDecryption(head, tag, key, file);
  const length = size - bodyStart - TAG_BYTES;
  const { bytes: plain, hasher } = imageBuffer(length, imageLength(length));
  try {
    await reading.pieces(bodyStart, bodyStart + length, (piece, at) => {
      // GCM is a stream cipher: each piece's plaintext is as long as the piece and lands at its place.
      const out = decipher.update(piece);
      out.copy(plain, at - bodyStart);
      hasher.update(at - bodyStart, at - bodyStart + out.length);
    });
    try {
      decipher.final();
    } catch {
      throw new SnapshotKeyError('The snapshot could not be decrypted: the key is wrong, or the file is damaged.', file);
    }
    return await withTrailer(plain, hasher, file);
  } finally {
    await hasher.close();
  }
}

/** Reads a byte range of the file in pieces, reporting bytes read and giving the event loop turns. */
class PieceReader {
  private readonly slices: EventLoopSlices;

  constructor(
    readonly handle: fs.FileHandle,
    readonly size: number,
    readonly file: string,
    private readonly control: WorkControl,
  ) {
    this.slices = new EventLoopSlices(control.signal, `Opening ${file}`);
  }

  /** Calls `take` with each piece of [start, end) and its offset in the file. */
  async pieces(start: number, end: number, take: (piece: Buffer, at: number) => void): Promise<void> {
    const piece = Buffer.allocUnsafe(Math.min(READ_PIECE, Math.max(end - start, 1)));
    for (let at = start; at < end;) {
      await this.slices.maybeYield();
      const { bytesRead } = await this.handle.read(piece, 0, Math.min(piece.length, end - at), at);
      if (!bytesRead) throw new SnapshotCorruptError('The snapshot is cut short; the file cannot be read.', this.file);
      take(piece.subarray(0, bytesRead), at);
      at += bytesRead;
      this.control.onProgress?.({ step: 'Reading and verifying', done: at, total: this.size, unit: 'bytes' });
    }
    await this.slices.maybeYield();
  }

  /**
   * Reads [start, end) of the file straight into `target` at the same offsets less `start` (no
   * piece buffer to copy from), calling `filled` with each range that is in.
   */
  async into(target: Buffer, start: number, end: number, filled: (from: number, to: number) => void): Promise<void> {
    for (let at = start; at < end;) {
      await this.slices.maybeYield();
      const { bytesRead } = await this.handle.read(target, at - start, Math.min(READ_PIECE, end - at), at);
      if (!bytesRead) throw new SnapshotCorruptError('The snapshot is cut short; the file cannot be read.', this.file);
      filled(at - start, at - start + bytesRead);
      at += bytesRead;
      this.control.onProgress?.({ step: 'Reading and verifying', done: at, total: this.size, unit: 'bytes' });
    }
    await this.slices.maybeYield();
  }

  /** Envelope 1 (format 1 files): its tag is in its header, but its body still decrypts piece by piece. */
  async decryptEnvelope1(key: string | undefined): Promise<Buffer> {
    const whole = Buffer.allocUnsafe(this.size);
    await this.pieces(0, this.size, (piece, at) => piece.copy(whole, at));
    const { decipher, bodyStart } = await startEnvelope1Decryption(whole, key, this.file);
    const plain = Buffer.allocUnsafe(this.size - bodyStart);
    for (let at = bodyStart; at < this.size; at += READ_PIECE) {
      await this.slices.maybeYield();
      decipher.update(whole.subarray(at, Math.min(at + READ_PIECE, this.size))).copy(plain, at - bodyStart);
    }
    try {
      decipher.final();
    } catch {
      throw new SnapshotKeyError('The snapshot could not be decrypted: the key is wrong, or the file is damaged.', this.file);
    }
    return plain;
  }
}

/** How much of `length` bytes of image and trailer is the image (what a format 2 trailer's hash covers). */
function imageLength(length: number): number {
  return Math.max(length - TRAILER_BYTES, 0);
}

/** Splits off and checks a format 2 trailer; bytes without one are a format 1 image. */
async function withTrailer(bytes: Buffer, hasher: ImageHasher, file: string): Promise<{ image: Uint8Array; sha256?: string }> {
  const trailer = bytes.length >= TRAILER_BYTES ? bytes.subarray(bytes.length - TRAILER_BYTES).toString('latin1') : '';
  if (!trailer.startsWith(TRAILER_PREFIX)) return { image: bytes };
  const image = bytes.subarray(0, bytes.length - TRAILER_BYTES);
  const expected = trailer.slice(TRAILER_PREFIX.length, -1);
  const sha256 = await hasher.digest();
  if (sha256 !== expected) throw checksumMismatch(file);
  return { image, sha256 };
}

function checksumMismatch(file: string): SnapshotCorruptError {
  return new SnapshotCorruptError(`${file} was changed or damaged after it was written (checksum mismatch); it is not trusted.`, file);
}
