"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JournalCipher = void 0;
/**
 * An encrypted capture's journal is encrypted too: its pages are the account's records, and an
 * encrypted snapshot's promise is that they never touch the disk in clear, not even while the
 * capture runs. Each page is one AES-256-GCM frame under a key derived once per journal (scrypt,
 * a random salt kept in the journal's state); a check value in the state tells a wrong key at
 * once, before any page is read.
 *
 * Frame: ciphertext length (uint32, big-endian), IV (12 bytes), tag (16 bytes), ciphertext.
 */
const node_crypto_1 = require("node:crypto");
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const CHECK_TEXT = 'keap-vault capture journal';
const HEAD_BYTES = 4 + 12 + 16;
class JournalCipher {
    key;
    constructor(key) {
        this.key = key;
    }
    /** A new journal's cipher, and what its state keeps. */
    static create(secret) {
        const salt = (0, node_crypto_1.randomBytes)(16);
        const cipher = new JournalCipher((0, node_crypto_1.scryptSync)(secret, salt, 32, SCRYPT));
        return { cipher, encryption: { salt: salt.toString('base64'), check: cipher.seal(Buffer.from(CHECK_TEXT)).toString('base64') } };
    }
    /** The cipher of an existing journal, or undefined when `secret` is not its key. */
    static open(secret, encryption) {
        const cipher = new JournalCipher((0, node_crypto_1.scryptSync)(secret, Buffer.from(encryption.salt, 'base64'), 32, SCRYPT));
        const check = cipher.openFrames(Buffer.from(encryption.check, 'base64'));
        return check?.frames.length === 1 && check.frames[0].toString() === CHECK_TEXT ? cipher : undefined;
    }
    /** One frame holding `plain`. */
    seal(plain) {
        const iv = (0, node_crypto_1.randomBytes)(12);
        const cipher = (0, node_crypto_1.createCipheriv)('aes-256-gcm', this.key, iv);
        const body = Buffer.concat([cipher.update(plain), cipher.final()]);
        const head = Buffer.alloc(4);
        head.writeUInt32BE(body.length);
        return Buffer.concat([head, iv, cipher.getAuthTag(), body]);
    }
    /**
     * The whole frames at the start of `bytes`, opened, and how many bytes they took (a frame cut
     * short waits for more). Undefined when a frame does not open: another key, or a damaged file.
     */
    openFrames(bytes) {
        const frames = [];
        let at = 0;
        while (bytes.length - at >= HEAD_BYTES) {
            const length = bytes.readUInt32BE(at);
            if (bytes.length - at < HEAD_BYTES + length)
                break;
            const decipher = (0, node_crypto_1.createDecipheriv)('aes-256-gcm', this.key, bytes.subarray(at + 4, at + 16));
            decipher.setAuthTag(bytes.subarray(at + 16, at + HEAD_BYTES));
            try {
                frames.push(Buffer.concat([decipher.update(bytes.subarray(at + HEAD_BYTES, at + HEAD_BYTES + length)), decipher.final()]));
            }
            catch {
                return undefined;
            }
            at += HEAD_BYTES + length;
        }
        return { frames, used: at };
    }
}
exports.JournalCipher = JournalCipher;
//# sourceMappingURL=journalCipher.js.map