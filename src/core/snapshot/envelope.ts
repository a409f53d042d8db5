/**
 * Encryption at rest for snapshots (they hold personal data): AES-256-GCM with a key derived by
 * scrypt from the caller's secret and a random salt. The envelope is a short text header
 * (format, KDF parameters, IV, tag) followed by the ciphertext of the SQLite file. GCM's tag makes
 * a wrong key and a damaged file both fail loudly instead of yielding garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { SnapshotCorruptError, SnapshotKeyError } from './errors';

export const ENVELOPE_MAGIC = 'KEAPVAULT-ENCRYPTED-1\n';
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

interface EnvelopeHeader {
  alg: 'aes-256-gcm';
  kdf: 'scrypt';
  n: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
}

export function isEncrypted(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, ENVELOPE_MAGIC.length)).toString('latin1') === ENVELOPE_MAGIC;
}

export function encrypt(plain: Uint8Array, secret: string): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = scryptSync(secret, salt, 32, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const header: EnvelopeHeader = {
    alg: 'aes-256-gcm',
    kdf: 'scrypt',
    n: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
  return Buffer.concat([Buffer.from(ENVELOPE_MAGIC, 'latin1'), Buffer.from(JSON.stringify(header) + '\n', 'utf8'), body]);
}

export function decrypt(bytes: Uint8Array, secret: string | undefined, file?: string): Buffer {
  if (!secret) throw new SnapshotKeyError('This snapshot is encrypted: supply its key (KEAP_VAULT_SNAPSHOT_KEY for the CLI).', file);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerEnd = buf.indexOf(0x0a, ENVELOPE_MAGIC.length);
  let header: EnvelopeHeader;
  try {
    header = JSON.parse(buf.subarray(ENVELOPE_MAGIC.length, headerEnd).toString('utf8'));
  } catch {
    throw new SnapshotCorruptError("The encrypted snapshot's header is damaged; the file cannot be read.", file);
  }
  if (headerEnd < 0 || header.alg !== 'aes-256-gcm' || header.kdf !== 'scrypt') {
    throw new SnapshotCorruptError("The encrypted snapshot's header is damaged or of an unknown kind.", file);
  }
  const key = scryptSync(secret, Buffer.from(header.salt, 'base64'), 32, { N: header.n, r: header.r, p: header.p, maxmem: SCRYPT.maxmem });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(header.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(buf.subarray(headerEnd + 1)), decipher.final()]);
  } catch {
    throw new SnapshotKeyError('The snapshot could not be decrypted: the key is wrong, or the file is damaged.', file);
  }
}
