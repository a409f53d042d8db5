"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TAG_BYTES = exports.ENVELOPE_MAGIC_V2 = exports.ENVELOPE_MAGIC = void 0;
exports.isEncrypted = isEncrypted;
exports.envelopeVersion = envelopeVersion;
exports.startEncryption = startEncryption;
exports.startDecryption = startDecryption;
exports.startEnvelope1Decryption = startEnvelope1Decryption;
/**
 * Encryption at rest for snapshots (they hold personal data): AES-256-GCM with a key derived by
 * scrypt from the caller's secret and a random salt. The envelope is a short text header
 * (format, KDF parameters, IV) followed by the ciphertext of the snapshot file. GCM's tag makes
 * a wrong key and a damaged file both fail loudly instead of yielding garbage.
 *
 * Envelope 1 carries the tag in its header, so the whole ciphertext had to exist before the first
 * byte was written. Envelope 2 (snapshot format 2) puts the tag after the ciphertext, so a large
 * snapshot is encrypted and decrypted piece by piece, never held twice.
 */
const node_crypto_1 = require("node:crypto");
const errors_1 = require("./errors");
exports.ENVELOPE_MAGIC = 'KEAPVAULT-ENCRYPTED-1\n';
exports.ENVELOPE_MAGIC_V2 = 'KEAPVAULT-ENCRYPTED-2\n';
/** GCM's authentication tag, at the end of an envelope 2. */
exports.TAG_BYTES = 16;
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
function isEncrypted(bytes) {
    return envelopeVersion(bytes) !== undefined;
}
function envelopeVersion(bytes) {
    const head = Buffer.from(bytes.subarray(0, exports.ENVELOPE_MAGIC.length)).toString('latin1');
    return head === exports.ENVELOPE_MAGIC ? 1 : head === exports.ENVELOPE_MAGIC_V2 ? 2 : undefined;
}
/** Envelope 2: the header to write first, and the cipher for everything after it (then its tag). */
function startEncryption(secret) {
    const salt = (0, node_crypto_1.randomBytes)(16);
    const iv = (0, node_crypto_1.randomBytes)(12);
    const cipher = (0, node_crypto_1.createCipheriv)('aes-256-gcm', (0, node_crypto_1.scryptSync)(secret, salt, 32, SCRYPT), iv);
    const header = {
        alg: 'aes-256-gcm',
        kdf: 'scrypt',
        n: SCRYPT.N,
        r: SCRYPT.r,
        p: SCRYPT.p,
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
    };
    return { header: Buffer.concat([Buffer.from(exports.ENVELOPE_MAGIC_V2, 'latin1'), Buffer.from(JSON.stringify(header) + '\n', 'utf8')]), cipher };
}
/**
 * Envelope 2: from its first bytes (header included) and its tag, the decipher for the bytes
 * between, and where they start.
 */
async function startDecryption(head, tag, secret, file) {
    if (!secret)
        throw new errors_1.SnapshotKeyError('This snapshot is encrypted: supply its key (KEAP_VAULT_SNAPSHOT_KEY for the CLI).', file);
    const { header, bodyStart } = parseHeader(head, exports.ENVELOPE_MAGIC_V2, file);
    const key = await deriveKey(secret, header);
    const decipher = (0, node_crypto_1.createDecipheriv)('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    decipher.setAuthTag(tag);
    return { decipher, bodyStart };
}
function parseHeader(head, magic, file) {
    const headerEnd = head.indexOf(0x0a, magic.length);
    let header;
    try {
        header = JSON.parse(head.subarray(magic.length, headerEnd).toString('utf8'));
    }
    catch {
        throw new errors_1.SnapshotCorruptError("The encrypted snapshot's header is damaged; the file cannot be read.", file);
    }
    if (headerEnd < 0 || header.alg !== 'aes-256-gcm' || header.kdf !== 'scrypt') {
        throw new errors_1.SnapshotCorruptError("The encrypted snapshot's header is damaged or of an unknown kind.", file);
    }
    return { header, bodyStart: headerEnd + 1 };
}
/** Envelope 1: the decipher for its body (the tag is in its header) and where the body starts. */
async function startEnvelope1Decryption(buf, secret, file) {
    if (!secret)
        throw new errors_1.SnapshotKeyError('This snapshot is encrypted: supply its key (KEAP_VAULT_SNAPSHOT_KEY for the CLI).', file);
    const { header, bodyStart } = parseHeader(buf, exports.ENVELOPE_MAGIC, file);
    const key = await deriveKey(secret, header);
    const decipher = (0, node_crypto_1.createDecipheriv)('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(header.tag, 'base64'));
    return { decipher, bodyStart };
}
/**
 * The key an envelope was written with. scrypt is slow on purpose (about 100 ms at these
 * parameters), so opening derives it on libuv's thread pool, off the thread that called it.
 */
function deriveKey(secret, header) {
    const options = { N: header.n, r: header.r, p: header.p, maxmem: SCRYPT.maxmem };
    return new Promise((resolve, reject) => (0, node_crypto_1.scrypt)(secret, Buffer.from(header.salt, 'base64'), 32, options, (err, key) => (err ? reject(err) : resolve(key))));
}
//# sourceMappingURL=envelope.js.map