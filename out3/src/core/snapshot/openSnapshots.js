"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OpenSnapshots = void 0;
/**
 * The snapshots a front end keeps open because it reads them often (the explorer's pages, records,
 * cards, hovers): each is verified and loaded once, then kept while it is used. A snapshot lives in
 * memory whole (sql.js), at about its file's size, so what stays open has a budget: beyond it, the
 * least recently used snapshot nobody is using is closed; and one left unused for `idleMs` is closed
 * anyway. Long work (validate, plan, apply, export, compare) holds its snapshot (`use`, `hold`), so it
 * is never closed under it; a short read (`get`) is safe for `graceMs` after it.
 *
 * Opening a large snapshot takes seconds: a caller may watch its progress and give up on it
 * (`WorkControl`). The open itself stops, and leaves nothing in the cache, only when every caller
 * waiting for it has given up; one caller giving up does not fail the others.
 *
 * sql.js's memory is one WebAssembly heap that never shrinks: closing a snapshot frees its pages for
 * the next one to open rather than giving them back to the system. The budget is what bounds that heap.
 */
const node_fs_1 = require("node:fs");
const cancelled_1 = require("../work/cancelled");
class OpenSnapshots {
    options;
    entries = new Map();
    now;
    idleMs;
    graceMs;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
        this.idleMs = options.idleMs ?? 10 * 60_000;
        this.graceMs = options.graceMs ?? 30_000;
    }
    /** The snapshot, opened (and verified) once; for a short read. `watch` sees the open's progress and may give up on it. */
    get(file, watch = {}) {
        return this.waitFor(file, this.entry(file), watch);
    }
    /** Runs `work` with the snapshot held open (long work: validate, plan, export, compare). */
    async use(file, work, watch = {}) {
        const { db, release } = await this.hold(file, watch);
        try {
            return await work(db);
        }
        finally {
            release();
        }
    }
    /** Holds the snapshot open until `release` (work that outlives a call: an apply lasting days). */
    async hold(file, watch = {}) {
        const entry = this.entry(file);
        entry.users++;
        let released = false;
        const release = () => {
            if (released)
                return;
            released = true;
            entry.users--;
            entry.lastUsed = this.now();
        };
        try {
            return { db: await this.waitFor(file, entry, watch), release };
        }
        catch (err) {
            release();
            throw err;
        }
    }
    /** Closes what has been unused for `idleMs`, then what is over the budget (a front end calls this now and then). */
    sweep() {
        const now = this.now();
        for (const [file, entry] of this.entries)
            if (!entry.users && now - entry.lastUsed >= this.idleMs)
                this.close(file);
        this.trim(undefined);
    }
    /** Closes a snapshot (its file changed or is gone); the next read opens it again. */
    close(file) {
        const entry = this.entries.get(file);
        if (!entry)
            return;
        this.entries.delete(file);
        void entry.db.then((db) => db.close(), () => undefined);
    }
    closeAll() {
        for (const file of [...this.entries.keys()])
            this.close(file);
    }
    /** The files open now, least recently used first (for tests and the log). */
    get openFiles() {
        return [...this.entries].sort((a, b) => a[1].lastUsed - b[1].lastUsed).map(([file]) => file);
    }
    get openBytes() {
        let total = 0;
        for (const entry of this.entries.values())
            total += entry.bytes;
        return total;
    }
    entry(file) {
        const entry = this.entries.get(file);
        if (entry) {
            entry.lastUsed = this.now();
            return entry;
        }
        const opening = { controller: new AbortController(), waiters: 0, listeners: new Set() };
        const onProgress = (progress) => {
            opening.last = progress;
            for (const listener of opening.listeners)
                listener(progress);
        };
        const db = this.options.open(file, { onProgress, signal: opening.controller.signal });
        const created = { db, bytes: 0, lastUsed: this.now(), users: 0, opening };
        this.entries.set(file, created);
        created.db.then(async (opened) => {
            created.opening = undefined;
            // Every caller gave up just as the open ended: it is no longer in the cache, so nobody would close it.
            if (this.entries.get(file) !== created)
                return opened.close();
            created.bytes = await (this.options.sizeOf ?? fileSize)(file);
            this.trim(file);
        }, () => {
            created.opening = undefined;
            if (this.entries.get(file) === created)
                this.entries.delete(file);
        });
        return created;
    }
    /**
     * The entry's snapshot for one caller. A caller whose signal aborts gets CancelledError at once;
     * when it was the last one waiting, the open is stopped and forgotten, so the next read starts afresh.
     */
    waitFor(file, entry, watch) {
        const opening = entry.opening;
        if (!opening)
            return entry.db;
        (0, cancelled_1.throwIfCancelled)(watch.signal, `Opening ${file}`);
        opening.waiters++;
        const listener = watch.onProgress;
        if (listener) {
            opening.listeners.add(listener);
            if (opening.last)
                listener(opening.last);
        }
        return new Promise((resolve, reject) => {
            let settled = false;
            const done = () => {
                if (settled)
                    return false;
                settled = true;
                watch.signal?.removeEventListener('abort', giveUp);
                if (listener)
                    opening.listeners.delete(listener);
                opening.waiters--;
                return true;
            };
            const giveUp = () => {
                if (!done())
                    return;
                if (!opening.waiters && entry.opening === opening) {
                    opening.controller.abort();
                    if (this.entries.get(file) === entry)
                        this.entries.delete(file);
                }
                reject(new cancelled_1.CancelledError(`Opening ${file} was cancelled.`));
            };
            watch.signal?.addEventListener('abort', giveUp, { once: true });
            entry.db.then((db) => {
                if (done())
                    resolve(db);
            }, (err) => {
                if (done())
                    reject(err);
            });
        });
    }
    /** Over budget: closes the least recently used snapshots nobody holds and nobody read just now. */
    trim(justOpened) {
        const budget = this.options.budgetBytes();
        const now = this.now();
        let total = this.openBytes;
        for (const file of this.openFiles) {
            if (total <= budget)
                return;
            const entry = this.entries.get(file);
            if (file === justOpened || entry.users || now - entry.lastUsed < this.graceMs)
                continue;
            total -= entry.bytes;
            this.close(file);
        }
    }
}
exports.OpenSnapshots = OpenSnapshots;
async function fileSize(file) {
    try {
        return (await node_fs_1.promises.stat(file)).size;
    }
    catch {
        return 0;
    }
}
//# sourceMappingURL=openSnapshots.js.map