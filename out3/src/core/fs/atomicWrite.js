"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeFileAtomic = writeFileAtomic;
exports.syncDir = syncDir;
/**
 * Writes a file so that readers see either the old content or the complete new one, never half:
 * write a temporary file beside it, fsync it, rename it over the target, fsync the folder.
 */
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
/**
 * `data` may be a writer: large files (a snapshot's image) are then written piece by piece, never
 * held a second time in memory. New files are private (0600: snapshots, ledgers and plans hold
 * customer data); `mode` gives a file being replaced its own permissions back (a user's source file).
 */
async function writeFileAtomic(file, data, options = {}) {
    const dir = node_path_1.default.dirname(file);
    await node_fs_1.promises.mkdir(dir, { recursive: true });
    const tmp = node_path_1.default.join(dir, `.${node_path_1.default.basename(file)}.${process.pid}.${(0, node_crypto_1.randomBytes)(4).toString('hex')}.tmp`);
    const handle = await node_fs_1.promises.open(tmp, 'w', 0o600);
    try {
        // Set outright: the mode open() takes is narrowed by the umask.
        if (options.mode !== undefined)
            await handle.chmod(options.mode & 0o7777);
        if (typeof data === 'function')
            await data(handle);
        else
            await handle.writeFile(data);
        await handle.sync();
    }
    catch (err) {
        await handle.close();
        await node_fs_1.promises.rm(tmp, { force: true });
        throw err;
    }
    await handle.close();
    try {
        await node_fs_1.promises.rename(tmp, file);
    }
    catch (err) {
        await node_fs_1.promises.rm(tmp, { force: true });
        throw err;
    }
    await syncDir(dir);
}
/** Makes a rename durable; some platforms cannot open a folder, which is then fine to skip. */
async function syncDir(dir) {
    let handle;
    try {
        handle = await node_fs_1.promises.open(dir, 'r');
        await handle.sync();
    }
    catch {
        // Windows and some file systems refuse to fsync a directory.
    }
    finally {
        await handle?.close();
    }
}
//# sourceMappingURL=atomicWrite.js.map