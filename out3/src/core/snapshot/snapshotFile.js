"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TRAILER_BYTES = void 0;
exports.readSnapshotFile = readSnapshotFile;
exports.writeSnapshotFile = writeSnapshotFile;
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
 * decryption and hashing (the image is hashed as it arrives, not in a second pass) take a few ms.
 */
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const atomicWrite_1 = require("../fs/atomicWrite");
const systemErrors_1 = require("../fs/systemErrors");
const envelope_1 = require("./envelope");
const errors_1 = require("./errors");
const eventLoopSlices_1 = require("../work/eventLoopSlices");
const TRAILER_PREFIX = '\nKEAPVAULT-SHA256 ';
/** Prefix, 64 hex digits, newline. */
exports.TRAILER_BYTES = TRAILER_PREFIX.length + 64 + 1;
/** Pieces of 16 MiB: large enough to be fast, small enough not to matter beside the image. */
const CHUNK = 16 * 1024 * 1024;
/**
 * Pieces read while opening: decrypting and hashing 4 MiB takes about 5-10 ms here, so a turn of the
 * event loop comes well within the 100 ms an extension host may be held.
 */
const READ_PIECE = 4 * 1024 * 1024;
async function readSnapshotFile(file, key, control = {}) {
    let handle;
    try {
        handle = await node_fs_1.promises.open(file, 'r');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            throw new errors_1.SnapshotNotFoundError(`No snapshot at ${file}`, file);
        throw (0, systemErrors_1.withPath)(err, file);
    }
    try {
        const { size } = await handle.stat();
        const head = Buffer.alloc(Math.min(size, 4096));
        await handle.read(head, 0, head.length, 0);
        const envelope = (0, envelope_1.envelopeVersion)(head);
        const reading = new PieceReader(handle, size, file, control);
        if (envelope === 1)
            return { image: await reading.decryptEnvelope1(key), encrypted: true };
        if (envelope === 2)
            return { ...(await readEncrypted(reading, head, key)), encrypted: true };
        const bytes = Buffer.allocUnsafe(size);
        const hash = new ImageHash(size);
        await reading.pieces(0, size, (piece, at) => {
            piece.copy(bytes, at);
            hash.update(piece, at);
        });
        return { ...withTrailer(bytes, hash, file), encrypted: false };
    }
    catch (err) {
        throw (0, systemErrors_1.withPath)(err, file); // names the file in a system error; any other error passes unchanged
    }
    finally {
        await handle.close();
    }
}
/** Writes image + trailer (encrypted when a key is given) atomically; returns the image's SHA-256. */
async function writeSnapshotFile(file, image, key) {
    let sha256 = '';
    await (0, atomicWrite_1.writeFileAtomic)(file, async (handle) => {
        const hash = (0, node_crypto_1.createHash)('sha256');
        const encryption = key ? (0, envelope_1.startEncryption)(key) : undefined;
        const write = async (bytes) => {
            const out = encryption ? encryption.cipher.update(bytes) : bytes;
            if (out.length)
                await handle.write(out);
        };
        if (encryption)
            await handle.write(encryption.header);
        for (let at = 0; at < image.length; at += CHUNK) {
            const piece = image.subarray(at, Math.min(at + CHUNK, image.length));
            hash.update(piece);
            await write(piece);
        }
        sha256 = hash.digest('hex');
        await write(Buffer.from(`${TRAILER_PREFIX}${sha256}\n`, 'latin1'));
        if (encryption) {
            const last = encryption.cipher.final();
            if (last.length)
                await handle.write(last);
            await handle.write(encryption.cipher.getAuthTag());
        }
    });
    return sha256;
}
async function readEncrypted(reading, head, key) {
    const { size, file } = reading;
    const tag = Buffer.alloc(envelope_1.TAG_BYTES);
    if (size < head.indexOf(0x0a, envelope_1.ENVELOPE_MAGIC.length) + 1 + envelope_1.TAG_BYTES)
        throw new errors_1.SnapshotCorruptError('The encrypted snapshot is cut short; the file cannot be read.', file);
    await reading.handle.read(tag, 0, envelope_1.TAG_BYTES, size - envelope_1.TAG_BYTES);
    const { decipher, bodyStart } = await (0, envelope_1.startDecryption)(head, tag, key, file);
    const plain = Buffer.allocUnsafe(size - bodyStart - envelope_1.TAG_BYTES);
    const hash = new ImageHash(plain.length);
    await reading.pieces(bodyStart, bodyStart + plain.length, (piece, at) => {
        const out = decipher.update(piece);
        out.copy(plain, at - bodyStart);
        hash.update(out, at - bodyStart);
    });
    try {
        decipher.final();
    }
    catch {
        throw new errors_1.SnapshotKeyError('The snapshot could not be decrypted: the key is wrong, or the file is damaged.', file);
    }
    return withTrailer(plain, hash, file);
}
/** Reads a byte range of the file in pieces, reporting bytes read and giving the event loop turns. */
class PieceReader {
    handle;
    size;
    file;
    control;
    slices;
    constructor(handle, size, file, control) {
        this.handle = handle;
        this.size = size;
        this.file = file;
        this.control = control;
        this.slices = new eventLoopSlices_1.EventLoopSlices(control.signal, `Opening ${file}`);
    }
    /** Calls `take` with each piece of [start, end) and its offset in the file. */
    async pieces(start, end, take) {
        const piece = Buffer.allocUnsafe(Math.min(READ_PIECE, Math.max(end - start, 1)));
        for (let at = start; at < end;) {
            await this.slices.maybeYield();
            const { bytesRead } = await this.handle.read(piece, 0, Math.min(piece.length, end - at), at);
            if (!bytesRead)
                throw new errors_1.SnapshotCorruptError('The snapshot is cut short; the file cannot be read.', this.file);
            take(piece.subarray(0, bytesRead), at);
            at += bytesRead;
            this.control.onProgress?.({ step: 'Reading and verifying', done: at, total: this.size, unit: 'bytes' });
        }
        await this.slices.maybeYield();
    }
    /** Envelope 1 (format 1 files): its tag is in its header, but its body still decrypts piece by piece. */
    async decryptEnvelope1(key) {
        const whole = Buffer.allocUnsafe(this.size);
        await this.pieces(0, this.size, (piece, at) => piece.copy(whole, at));
        const { decipher, bodyStart } = await (0, envelope_1.startEnvelope1Decryption)(whole, key, this.file);
        const plain = Buffer.allocUnsafe(this.size - bodyStart);
        for (let at = bodyStart; at < this.size; at += READ_PIECE) {
            await this.slices.maybeYield();
            decipher.update(whole.subarray(at, Math.min(at + READ_PIECE, this.size))).copy(plain, at - bodyStart);
        }
        try {
            decipher.final();
        }
        catch {
            throw new errors_1.SnapshotKeyError('The snapshot could not be decrypted: the key is wrong, or the file is damaged.', this.file);
        }
        return plain;
    }
}
/**
 * The SHA-256 of a format 2 image, fed as its bytes arrive: the image is everything before the
 * trailer, so a piece is hashed up to `length - TRAILER_BYTES`. For a file without a trailer (format
 * 1) the hash is simply not used.
 */
class ImageHash {
    hash = (0, node_crypto_1.createHash)('sha256');
    imageEnd;
    constructor(length) {
        this.imageEnd = Math.max(length - exports.TRAILER_BYTES, 0);
    }
    /** `piece` holds the bytes at [at, at + piece.length) of the image and trailer. */
    update(piece, at) {
        if (at < this.imageEnd)
            this.hash.update(piece.subarray(0, Math.min(piece.length, this.imageEnd - at)));
    }
    digest() {
        return this.hash.digest('hex');
    }
}
/** Splits off and checks a format 2 trailer; bytes without one are a format 1 image. */
function withTrailer(bytes, hash, file) {
    const trailer = bytes.length >= exports.TRAILER_BYTES ? bytes.subarray(bytes.length - exports.TRAILER_BYTES).toString('latin1') : '';
    if (!trailer.startsWith(TRAILER_PREFIX))
        return { image: bytes };
    const image = bytes.subarray(0, bytes.length - exports.TRAILER_BYTES);
    const expected = trailer.slice(TRAILER_PREFIX.length, -1);
    const sha256 = hash.digest();
    if (sha256 !== expected)
        throw new errors_1.SnapshotCorruptError(`${file} was changed or damaged after it was written (checksum mismatch); it is not trusted.`, file);
    return { image, sha256 };
}
//# sourceMappingURL=snapshotFile.js.map