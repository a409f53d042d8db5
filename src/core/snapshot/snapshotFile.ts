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
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../fs/atomicWrite';
import { withPath } from '../fs/systemErrors';
import { decrypt, envelopeVersion, ENVELOPE_MAGIC, startDecryption, startEncryption, TAG_BYTES } from './envelope';
import { SnapshotCorruptError, SnapshotKeyError, SnapshotNotFoundError } from './errors';

const TRAILER_PREFIX = '\nKEAPVAULT-SHA256 ';
/** Prefix, 64 hex digits, newline. */
export const TRAILER_BYTES = TRAILER_PREFIX.length + 64 + 1;
/** Pieces of 16 MiB: large enough to be fast, small enough not to matter beside the image. */
const CHUNK = 16 * 1024 * 1024;

export interface SnapshotImage {
  /** The SQLite database. */
  image: Uint8Array;
  /** SHA-256 of the image, checked against the file's trailer (format 2 files only). */
  sha256?: string;
  encrypted: boolean;
}

export async function readSnapshotFile(file: string, key: string | undefined): Promise<SnapshotImage> {
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
    if (envelope === 1) return { image: decrypt(await handle.readFile(), key, file), encrypted: true };
    if (envelope === 2) return { ...(await readEncrypted(handle, size, head, key, file)), encrypted: true };
    const bytes = Buffer.allocUnsafe(size);
    await readInto(handle, bytes, 0, size);
    return { ...withTrailer(bytes, file), encrypted: false };
  } catch (err) {
    throw withPath(err, file); // names the file in a system error; any other error passes unchanged
  } finally {
    await handle.close();
  }
}

/** Writes image + trailer (encrypted when a key is given) atomically; returns the image's SHA-256. */
export async function writeSnapshotFile(file: string, image: Uint8Array, key: string | undefined): Promise<string> {
  let sha256 = '';
  await writeFileAtomic(file, async (handle) => {
    const hash = createHash('sha256');
    const encryption = key ? startEncryption(key) : undefined;
    const write = async (bytes: Uint8Array) => {
      const out = encryption ? encryption.cipher.update(bytes) : bytes;
      if (out.length) await handle.write(out);
    };
    if (encryption) await handle.write(encryption.header);
    for (let at = 0; at < image.length; at += CHUNK) {
      const piece = image.subarray(at, Math.min(at + CHUNK, image.length));
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

async function readEncrypted(
  handle: fs.FileHandle,
  size: number,
  head: Buffer,
  key: string | undefined,
  file: string,
): Promise<{ image: Uint8Array; sha256?: string }> {
  const tag = Buffer.alloc(TAG_BYTES);
  if (size < head.indexOf(0x0a, ENVELOPE_MAGIC.length) + 1 + TAG_BYTES)
    throw new SnapshotCorruptError('The encrypted snapshot is cut short; the file cannot be read.', file);
  await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  const { decipher, bodyStart } = startDecryption(head, tag, key, file);
  const plain = Buffer.allocUnsafe(size - bodyStart - TAG_BYTES);
  const piece = Buffer.allocUnsafe(Math.min(CHUNK, plain.length));
  for (let at = 0; at < plain.length;) {
    const { bytesRead } = await handle.read(piece, 0, Math.min(piece.length, plain.length - at), bodyStart + at);
    if (!bytesRead) throw new SnapshotCorruptError('The encrypted snapshot is cut short; the file cannot be read.', file);
    decipher.update(piece.subarray(0, bytesRead)).copy(plain, at);
    at += bytesRead;
  }
  try {
    decipher.final();
  } catch {
    throw new SnapshotKeyError('The snapshot could not be decrypted: the key is wrong, or the file is damaged.', file);
  }
  return withTrailer(plain, file);
}

/** Reads `length` bytes into `into` at `offset`, in pieces. */
async function readInto(handle: fs.FileHandle, into: Buffer, offset: number, length: number): Promise<void> {
  for (let at = 0; at < length;) {
    const { bytesRead } = await handle.read(into, offset + at, Math.min(CHUNK, length - at), at);
    if (!bytesRead) break;
    at += bytesRead;
  }
}

/** Splits off and checks a format 2 trailer; bytes without one are a format 1 image. */
function withTrailer(bytes: Buffer, file: string): { image: Uint8Array; sha256?: string } {
  const trailer = bytes.length >= TRAILER_BYTES ? bytes.subarray(bytes.length - TRAILER_BYTES).toString('latin1') : '';
  if (!trailer.startsWith(TRAILER_PREFIX)) return { image: bytes };
  const image = bytes.subarray(0, bytes.length - TRAILER_BYTES);
  const expected = trailer.slice(TRAILER_PREFIX.length, -1);
  const hash = createHash('sha256');
  for (let at = 0; at < image.length; at += CHUNK) hash.update(image.subarray(at, Math.min(at + CHUNK, image.length)));
  const sha256 = hash.digest('hex');
  if (sha256 !== expected)
    throw new SnapshotCorruptError(`${file} was changed or damaged after it was written (checksum mismatch); it is not trusted.`, file);
  return { image, sha256 };
}
