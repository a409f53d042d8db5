"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CaptureJournal = void 0;
/**
 * The capture journal: what a capture has read so far, kept beside the snapshot it will become
 * (`<out>.partial/`). Each page is appended to its entity's NDJSON file (encrypted frames, see
 * journalCipher.ts, when the snapshot will be encrypted) and fsynced before the
 * cursor that follows it is recorded, so after a crash or a cancel the capture resumes from the
 * last recorded page (a page written but not recorded is cut off and read again).
 */
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const node_readline_1 = __importDefault(require("node:readline"));
const node_fs_2 = require("node:fs");
const atomicWrite_1 = require("../fs/atomicWrite");
const errors_1 = require("./errors");
const journalCipher_1 = require("./journalCipher");
class CaptureJournal {
    dir;
    state;
    writing = Promise.resolve();
    cipher;
    constructor(dir, state) {
        this.dir = dir;
        this.state = state;
    }
    static dirFor(out) {
        return `${out}.partial`;
    }
    /** The journal of an interrupted capture of `out`, if there is one. */
    static async find(dir) {
        try {
            const state = JSON.parse(await node_fs_1.promises.readFile(node_path_1.default.join(dir, 'state.json'), 'utf8'));
            if (state.version !== 1)
                return undefined;
            return new CaptureJournal(dir, state);
        }
        catch {
            return undefined;
        }
    }
    /** A new journal (any earlier one in `dir` is deleted); with `key`, its pages are encrypted. */
    static async start(dir, state, key) {
        await node_fs_1.promises.rm(dir, { recursive: true, force: true });
        await node_fs_1.promises.mkdir(dir, { recursive: true, mode: 0o700 });
        const sealed = key ? journalCipher_1.JournalCipher.create(key) : undefined;
        const journal = new CaptureJournal(dir, { ...state, version: 1, encryption: sealed?.encryption, tasks: {} });
        journal.cipher = sealed?.cipher;
        await journal.persist();
        return journal;
    }
    /**
     * Readies a found journal for a capture with `key` (none: a snapshot in clear). `other-kind`: it
     * was written for a snapshot encrypted when this one is not, or the other way round.
     */
    unlock(key) {
        if (!this.state.encryption || !key)
            return !this.state.encryption && !key ? 'fits' : 'other-kind';
        this.cipher = journalCipher_1.JournalCipher.open(key, this.state.encryption);
        return this.cipher ? 'fits' : 'wrong-key';
    }
    cursor(task) {
        return (this.state.tasks[task] ??= { done: false, pages: 0, records: 0, bytes: 0 });
    }
    file(task) {
        return node_path_1.default.join(this.dir, `${task}.ndjson`);
    }
    /** Drops whatever was written after the last recorded page (a crash between write and record). */
    async prepare(task) {
        const cursor = this.cursor(task);
        const handle = await node_fs_1.promises.open(this.file(task), 'a');
        try {
            const { size } = await handle.stat();
            if (size !== cursor.bytes)
                await handle.truncate(cursor.bytes);
        }
        finally {
            await handle.close();
        }
    }
    /** Starts a task again from its first page. */
    async reset(task) {
        this.state.tasks[task] = { done: false, pages: 0, records: 0, bytes: 0 };
        await node_fs_1.promises.writeFile(this.file(task), '');
        await this.persist();
    }
    /** Appends one page (each record as JSON) durably, then records the cursor that follows it. */
    async appendPage(task, jsons, nextPageToken) {
        const cursor = this.cursor(task);
        const text = Buffer.from(jsons.length ? jsons.join('\n') + '\n' : '');
        const bytes = this.cipher && text.length ? this.cipher.seal(text) : text;
        const handle = await node_fs_1.promises.open(this.file(task), 'a');
        try {
            await handle.write(bytes);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        cursor.bytes += bytes.length;
        cursor.records += jsons.length;
        cursor.pages++;
        cursor.pageToken = nextPageToken;
        cursor.done = nextPageToken === undefined;
        await this.persist();
    }
    /** The records of a task, one at a time. */
    async *records(task) {
        if (this.cipher) {
            yield* this.sealedRecords(task, this.cipher);
            return;
        }
        const lines = node_readline_1.default.createInterface({ input: (0, node_fs_2.createReadStream)(this.file(task), { encoding: 'utf8' }), crlfDelay: Infinity });
        for await (const line of lines)
            if (line)
                yield JSON.parse(line);
    }
    async *sealedRecords(task, cipher) {
        let pending = Buffer.alloc(0);
        for await (const chunk of (0, node_fs_2.createReadStream)(this.file(task))) {
            pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
            const opened = cipher.openFrames(pending);
            if (!opened) {
                throw new errors_1.SnapshotCorruptError(`The interrupted capture's journal (${this.file(task)}) is damaged; run the capture again with --restart.`, this.file(task));
            }
            pending = pending.subarray(opened.used);
            for (const page of opened.frames)
                for (const line of page.toString('utf8').split('\n'))
                    if (line)
                        yield JSON.parse(line);
        }
    }
    async remove() {
        await node_fs_1.promises.rm(this.dir, { recursive: true, force: true });
    }
    /** state.json is replaced atomically; concurrent tasks take turns. */
    persist() {
        const snapshot = JSON.stringify(this.state);
        this.writing = this.writing.then(() => (0, atomicWrite_1.writeFileAtomic)(node_path_1.default.join(this.dir, 'state.json'), snapshot));
        return this.writing;
    }
}
exports.CaptureJournal = CaptureJournal;
//# sourceMappingURL=journal.js.map