"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.FileSink = void 0;
exports.safeJoin = safeJoin;
exports.refuseExisting = refuseExisting;
exports.renameNoClobber = renameNoClobber;
/**
 * Writing an export's files safely. File names come from entity names only (never from data) and
 * are checked to stay inside the output folder. Files are created 0600, like snapshots, since they
 * hold personal data, and written through a stream with backpressure, so memory does not grow with
 * the number of rows. A final name is never replaced unless overwriting was asked for.
 */
const node_fs_1 = require("node:fs");
const node_events_1 = require("node:events");
const node_path_1 = __importDefault(require("node:path"));
const promises_1 = require("node:stream/promises");
const exportErrors_1 = require("./exportErrors");
/** Characters after which the stream is written to; keeps per-row write calls off the hot path. */
const CHUNK_CHARS = 64 * 1024;
const STREAM_HIGH_WATER = 1024 * 1024;
/** `name` inside `dir`; throws if it would resolve to `dir` itself or anywhere outside it. */
function safeJoin(dir, name) {
    const root = node_path_1.default.resolve(dir);
    const full = node_path_1.default.resolve(root, name);
    const rel = node_path_1.default.relative(root, full);
    if (rel === '' || rel === '..' || rel.startsWith('..' + node_path_1.default.sep) || node_path_1.default.isAbsolute(rel) || name.includes('\0')) {
        throw new exportErrors_1.ExportPathError(`Refusing to write '${name}': it is not a file inside ${root}.`, full);
    }
    return full;
}
/** Throws ExportExistsError if anything (a file, a folder, even a dangling link) has this name. */
async function refuseExisting(file) {
    try {
        await node_fs_1.promises.lstat(file);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return;
        throw err;
    }
    throw new exportErrors_1.ExportExistsError(`${file} already exists; export to another folder or pass overwrite (--overwrite) to replace it.`, file);
}
/** A write stream fed in chunks; `push` says when the caller should `flush` (and so wait for the disk). */
class FileSink {
    stream;
    signal;
    parts = [];
    chars = 0;
    error;
    constructor(stream, signal) {
        this.stream = stream;
        this.signal = signal;
        // Recorded, not thrown: an 'error' with no listener would crash the process.
        stream.on('error', (err) => (this.error ??= err));
    }
    static async open(file, signal) {
        const stream = (0, node_fs_1.createWriteStream)(file, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: STREAM_HIGH_WATER });
        const sink = new FileSink(stream, signal);
        await (0, node_events_1.once)(stream, 'ready');
        return sink;
    }
    push(text) {
        this.parts.push(text);
        this.chars += text.length;
        return this.chars >= CHUNK_CHARS;
    }
    async flush() {
        if (this.error)
            throw this.error;
        if (!this.parts.length)
            return;
        const ok = this.stream.write(this.parts.join(''));
        this.parts = [];
        this.chars = 0;
        if (!ok)
            await (0, node_events_1.once)(this.stream, 'drain', { signal: this.signal });
    }
    /** Ends the file (flushed to disk) and returns its size. */
    async close() {
        await this.flush();
        this.stream.end();
        await (0, promises_1.finished)(this.stream);
        return this.stream.bytesWritten;
    }
    async destroy() {
        if (this.stream.closed)
            return;
        const closed = (0, node_events_1.once)(this.stream, 'close').catch(() => undefined);
        this.stream.destroy();
        await closed;
    }
}
exports.FileSink = FileSink;
/** Hard-link then unlink: unlike rename, fails with EEXIST instead of replacing the target. */
async function renameNoClobber(tmp, target) {
    try {
        await node_fs_1.promises.link(tmp, target);
    }
    catch (err) {
        const code = err.code;
        if (code === 'EEXIST')
            throw new exportErrors_1.ExportExistsError(`${target} appeared during the export; it was not replaced.`, target);
        // File systems without hard links: check, then rename (a small window, but the best there is).
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV')
            throw err;
        await refuseExisting(target);
        await node_fs_1.promises.rename(tmp, target);
        return;
    }
    await node_fs_1.promises.rm(tmp, { force: true });
}
//# sourceMappingURL=exportFiles.js.map