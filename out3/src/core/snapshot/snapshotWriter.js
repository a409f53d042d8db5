"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnapshotWriter = void 0;
/**
 * A full capture's snapshot is built on a thread of its own. The capture's thread reads Keap's
 * pages, parses them, journals them and prepares their rows (`prepareRows`); the writer's thread
 * compresses the records and stores them in sql.js. Both were on one thread before, and that
 * thread was the capture's limit: Keap (or the emulator) answers on another core meanwhile.
 * At the end the writer hands over the database's image, and the file is written here, where its
 * errors are the capture's own.
 */
const node_path_1 = __importDefault(require("node:path"));
const node_worker_threads_1 = require("node:worker_threads");
const errors_1 = require("./errors");
const preparedRows_1 = require("./preparedRows");
const snapshotFile_1 = require("./snapshotFile");
/** Beside this module, compiled (tests) or bundled (dist/, see esbuild.js). */
const WORKER_FILE = node_path_1.default.join(__dirname, 'snapshotWriterWorker.js');
class SnapshotWriter {
    worker = new node_worker_threads_1.Worker(WORKER_FILE);
    waiting = new Map();
    nextId = 1;
    stopped;
    constructor() {
        this.worker.on('message', (reply) => {
            const waiter = this.waiting.get(reply.id);
            this.waiting.delete(reply.id);
            if (reply.ok)
                waiter?.resolve(reply);
            else
                waiter?.reject(new errors_1.SnapshotWriterError(`Writing the snapshot failed: ${reply.error}`));
        });
        this.worker.on('error', (err) => this.stop(`Keap Vault's snapshot writer stopped: ${err.message}`));
        this.worker.on('exit', (code) => this.stop(`Keap Vault's snapshot writer stopped (exit code ${code}).`));
    }
    /** Stores a page of records (one entity, in Keap's order) with their JSON; resolves when stored. */
    async insert(entity, records, jsons) {
        await this.ask({ type: 'insert', entity, rows: (0, preparedRows_1.prepareRows)(entity, records), jsons: jsons });
    }
    /**
     * Every record of the entity is in: its indexes are built now, on the writer's thread, while
     * other entities are still read, instead of in the capture's last step.
     */
    async entityDone(entity) {
        await this.ask({ type: 'index', entity });
    }
    /** Writes the snapshot file, atomically and encrypted if asked; the writer is done after it. */
    async save(file, meta, options = {}) {
        const reply = await this.ask({ type: 'finish', meta });
        // invariant: the writer answers 'finish' with the image and the metadata it recorded (snapshotWriterWorker.ts).
        if (!reply.ok || !reply.image || !reply.meta)
            throw new Error('The snapshot writer finished without an image');
        const checksum = await (0, snapshotFile_1.writeSnapshotFile)(file, reply.image, options.key);
        return { ...reply.meta, checksum };
    }
    /** Ends the thread (and with it the database, if not saved). */
    async close() {
        this.stopped ??= new errors_1.SnapshotWriterError('The snapshot writer was closed.');
        await this.worker.terminate();
    }
    ask(request) {
        if (this.stopped)
            return Promise.reject(this.stopped);
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.waiting.set(id, { resolve, reject });
            this.worker.postMessage({ ...request, id });
        });
    }
    stop(message) {
        this.stopped ??= new errors_1.SnapshotWriterError(`${message} Nothing read from Keap is lost: every page is in the capture's journal, and the next capture continues from it.`);
        for (const waiter of this.waiting.values())
            waiter.reject(this.stopped);
        this.waiting.clear();
    }
}
exports.SnapshotWriter = SnapshotWriter;
//# sourceMappingURL=snapshotWriter.js.map