"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SNAPSHOT_EXTENSION = void 0;
exports.accountSlug = accountSlug;
exports.snapshotFileName = snapshotFileName;
exports.newSnapshotPath = newSnapshotPath;
exports.listSnapshots = listSnapshots;
exports.latestSnapshot = latestSnapshot;
exports.interruptedCapture = interruptedCapture;
/**
 * The snapshots in a folder: how they are named, and which is the latest of an account (the base
 * for incremental captures and the anomaly check).
 */
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const envelope_1 = require("./envelope");
const journal_1 = require("./journal");
const errors_1 = require("./errors");
const snapshotDb_1 = require("./snapshotDb");
exports.SNAPSHOT_EXTENSION = '.kvsnap';
/** An account name made safe for a file name (Keap tenant ids look like `ps359.infusionsoft.com`). */
function accountSlug(account) {
    return (account
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, '-')
        .replace(/^[.-]+|[.-]+$/g, '')
        .slice(0, 60) || 'account');
}
/** `keap-<account>-<UTC time>.kvsnap`; names come from our own text only, never unchecked data. */
function snapshotFileName(account, at = new Date()) {
    const safeAccount = accountSlug(account);
    const stamp = at
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    return `keap-${safeAccount}-${stamp}${exports.SNAPSHOT_EXTENSION}`;
}
/** A new snapshot file in `dir` that does not overwrite an earlier one taken in the same second. */
function newSnapshotPath(dir, account, at = new Date(), exists = node_fs_1.existsSync) {
    const base = snapshotFileName(account, at).slice(0, -exports.SNAPSHOT_EXTENSION.length);
    for (let n = 1;; n++) {
        const file = node_path_1.default.join(dir, `${base}${n === 1 ? '' : `-${n}`}${exports.SNAPSHOT_EXTENSION}`);
        if (!exists(file) && !exists(`${file}.partial`))
            return file;
    }
}
/**
 * Snapshots in a folder, newest first; files that are not readable snapshots are skipped. Reading a
 * listing loads the file, so callers that list often (a tree) pass a cache.
 */
async function listSnapshots(dir, key, cache) {
    let names;
    try {
        names = await node_fs_1.promises.readdir(dir);
    }
    catch {
        return [];
    }
    const out = [];
    for (const name of names.filter((n) => n.endsWith(exports.SNAPSHOT_EXTENSION))) {
        const file = node_path_1.default.join(dir, name);
        try {
            const { size, mtimeMs } = await node_fs_1.promises.stat(file);
            const stamp = `${size}:${mtimeMs}`;
            const known = cache?.get(file);
            if (known?.stamp === stamp) {
                out.push(known.listing);
                continue;
            }
            const db = await snapshotDb_1.SnapshotDb.open(file, { key, metadataOnly: true });
            const meta = db.meta();
            db.close();
            const head = Buffer.alloc(envelope_1.ENVELOPE_MAGIC.length);
            const handle = await node_fs_1.promises.open(file, 'r');
            await handle.read(head, 0, head.length, 0);
            await handle.close();
            const listing = { file, meta, bytes: size, encrypted: (0, envelope_1.isEncrypted)(head) };
            cache?.set(file, { stamp, listing });
            out.push(listing);
        }
        catch (err) {
            if (!(err instanceof errors_1.SnapshotError) && err.code !== 'ENOENT')
                throw err;
        }
    }
    return out.sort((a, b) => b.meta.finishedAt.localeCompare(a.meta.finishedAt));
}
async function latestSnapshot(dir, account, key, cache) {
    return (await listSnapshots(dir, key, cache)).find((s) => s.meta.account === account);
}
/**
 * An interrupted capture of this account in the folder that a capture of the same kind picks up
 * again: a full one, or (with `sinceSnapshotId`) an incremental one from that snapshot.
 */
async function interruptedCapture(dir, account, sinceSnapshotId) {
    const prefix = snapshotFileName(account).replace(/\d{8}T\d{6}Z\.kvsnap$/, '');
    let names;
    try {
        names = await node_fs_1.promises.readdir(dir);
    }
    catch {
        return undefined;
    }
    for (const name of names.filter((n) => n.endsWith('.partial'))) {
        const journal = await journal_1.CaptureJournal.find(node_path_1.default.join(dir, name));
        if (!journal || !node_path_1.default.basename(journal.state.out).startsWith(prefix))
            continue;
        const sameKind = sinceSnapshotId
            ? journal.state.mode === 'incremental' && journal.state.sinceSnapshotId === sinceSnapshotId
            : journal.state.mode === 'full';
        if (sameKind)
            return journal.state.out;
    }
    return undefined;
}
//# sourceMappingURL=library.js.map