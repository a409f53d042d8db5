"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExportRun = void 0;
/**
 * The files of one export. Files are written under temporary names inside the output folder and
 * renamed only once every file of the export is complete: a failed or cancelled export leaves
 * nothing under a final name. The format writers (exportJson.ts, exportCsv.ts) write through it.
 */
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const atomicWrite_1 = require("../fs/atomicWrite");
const exportFiles_1 = require("./exportFiles");
const PROGRESS_EVERY = 5000;
/** The files of one export: written under temporary names, then committed together. */
class ExportRun {
    db;
    outDir;
    options;
    files = [];
    counts = {};
    pending = [];
    open;
    constructor(db, outDir, options) {
        this.db = db;
        this.outDir = outDir;
        this.options = options;
    }
    async writeText(entity, name, text, rows) {
        const sink = await this.create(name);
        sink.push(text);
        await this.done(sink, entity, undefined, rows);
    }
    /** Renames every temporary file to its final name. Without overwrite, a file that appeared meanwhile is still refused. */
    async commit(overwrite) {
        const committed = [];
        try {
            for (const { tmp, target } of this.pending) {
                await (overwrite ? node_fs_1.promises.rename(tmp, target) : (0, exportFiles_1.renameNoClobber)(tmp, target));
                committed.push(target);
            }
        }
        catch (err) {
            // New files only (no overwrite): take them back so the export is all or nothing.
            if (!overwrite)
                for (const file of committed)
                    await node_fs_1.promises.rm(file, { force: true });
            throw err;
        }
        this.pending.length = 0;
        await (0, atomicWrite_1.syncDir)(this.outDir);
    }
    /** Removes every temporary file; final names are never touched. */
    async discard() {
        await this.open?.destroy();
        this.open = undefined;
        for (const { tmp } of this.pending.splice(0))
            await node_fs_1.promises.rm(tmp, { force: true });
    }
    /** Opens a new file of this export under a temporary name; `name` is its final name. */
    async create(name) {
        const target = (0, exportFiles_1.safeJoin)(this.outDir, name);
        const tmp = (0, exportFiles_1.safeJoin)(this.outDir, `.${name}.${process.pid}.${(0, node_crypto_1.randomBytes)(4).toString('hex')}.tmp`);
        this.pending.push({ tmp, target });
        this.open = await exportFiles_1.FileSink.open(tmp, this.options.signal);
        return this.open;
    }
    /** Closes the file `create` opened last and records it; `counted` is the entity whose rows it holds, if one. */
    async done(sink, entity, counted, rows) {
        const bytes = await sink.close();
        this.open = undefined;
        this.files.push({ entity, file: this.pending[this.pending.length - 1].target, rows, bytes });
        if (counted) {
            this.counts[counted] = rows;
            this.options.onProgress?.({ entity: counted, rows });
        }
    }
    /** Per row: stops on abort, and reports progress every few thousand rows. */
    tick(entity, rows) {
        this.options.signal?.throwIfAborted();
        if (rows % PROGRESS_EVERY === 0)
            this.options.onProgress?.({ entity, rows });
    }
}
exports.ExportRun = ExportRun;
//# sourceMappingURL=exportRun.js.map