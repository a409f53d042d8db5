"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApplyLock = exports.ApplyLockedError = void 0;
exports.stateDir = stateDir;
exports.isAlive = isAlive;
/**
 * One apply per account at a time on this machine: an exclusive lock file named after the account
 * in the user's state directory, so every ledger, plan folder and front end (CLI, VS Code windows)
 * takes the same lock. A lock left by a process that died can be broken explicitly; a live one
 * never is. Across machines the restore markers in Keap are what protects (see liveGuard.ts).
 */
const node_fs_1 = require("node:fs");
const node_os_1 = __importDefault(require("node:os"));
const node_path_1 = __importDefault(require("node:path"));
const library_1 = require("../snapshot/library");
const errors_1 = require("../errors");
class ApplyLockedError extends errors_1.KeapVaultError {
    owner;
    stale;
    kind = 'apply-locked';
    constructor(message, owner, stale) {
        super(message);
        this.owner = owner;
        this.stale = stale;
    }
}
exports.ApplyLockedError = ApplyLockedError;
/**
 * Where Keap Vault keeps per-user machine state (locks): `KEAP_VAULT_STATE_DIR`, else the
 * platform's place for it (XDG state on Linux, Application Support on macOS, LocalAppData on Windows).
 */
function stateDir(env = process.env) {
    if (env.KEAP_VAULT_STATE_DIR)
        return env.KEAP_VAULT_STATE_DIR;
    const home = node_os_1.default.homedir();
    if (process.platform === 'win32')
        return node_path_1.default.join(env.LOCALAPPDATA || node_path_1.default.join(home, 'AppData', 'Local'), 'Keap Vault');
    if (process.platform === 'darwin')
        return node_path_1.default.join(home, 'Library', 'Application Support', 'Keap Vault');
    return node_path_1.default.join(env.XDG_STATE_HOME || node_path_1.default.join(home, '.local', 'state'), 'keap-vault');
}
class ApplyLock {
    file;
    owner;
    constructor(file, owner) {
        this.file = file;
        this.owner = owner;
    }
    /** The lock file of an account (the same for every ledger and front end on this machine). */
    static fileFor(account) {
        return node_path_1.default.join(stateDir(), 'locks', `keap-${(0, library_1.accountSlug)(account)}.lock`);
    }
    static async acquire(account, planId, options = {}) {
        const file = ApplyLock.fileFor(account);
        await node_fs_1.promises.mkdir(node_path_1.default.dirname(file), { recursive: true, mode: 0o700 });
        const owner = { pid: process.pid, host: node_os_1.default.hostname(), startedAt: new Date().toISOString(), planId, by: options.by };
        for (let attempt = 0; attempt < 2; attempt++) {
            try {
                await node_fs_1.promises.writeFile(file, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
                return new ApplyLock(file, owner);
            }
            catch (err) {
                if (err.code !== 'EEXIST')
                    throw err;
            }
            const holder = await readWrittenOwner(file);
            const stale = !holder || (holder.host === node_os_1.default.hostname() && !isAlive(holder.pid));
            if (stale && options.breakStale && attempt === 0) {
                await breakStaleLock(file, holder);
                continue;
            }
            const who = holder
                ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}${holder.by ? `, ${holder.by}` : ''}`
                : 'an unreadable lock';
            throw new ApplyLockedError(stale
                ? `An earlier apply on this account (${who}) stopped without releasing its lock. If it is not running, break the lock (--break-lock) and resume.`
                : `Another apply is running on this account (${who}). Wait for it to finish.`, holder ?? { pid: 0, host: 'unknown', startedAt: '' }, stale);
        }
        // invariant: the loop above returns or throws on its last attempt
        throw new Error('unreachable');
    }
    async release() {
        const holder = await readOwner(this.file);
        if (holder && holder.pid === this.owner.pid && holder.startedAt === this.owner.startedAt)
            await node_fs_1.promises.rm(this.file, { force: true });
    }
}
exports.ApplyLock = ApplyLock;
/**
 * Removes a dead process's lock, unless another process breaks it at the same moment: two
 * breakers that both removed "the" stale file could otherwise each remove the other's new lock
 * and both go on. The breaker file serialises them; the lock is removed only if it is still the
 * dead one that was read.
 */
async function breakStaleLock(file, stale) {
    const breaker = `${file}.break`;
    try {
        await node_fs_1.promises.writeFile(breaker, JSON.stringify({ pid: process.pid, host: node_os_1.default.hostname(), startedAt: new Date().toISOString() }), {
            flag: 'wx',
            mode: 0o600,
        });
    }
    catch (err) {
        if (err.code !== 'EEXIST')
            throw err;
        const other = await readOwner(breaker);
        // Someone is breaking it now; if that someone died doing so, clear the way for the next try.
        if (!other || !isAlive(other.pid))
            await node_fs_1.promises.rm(breaker, { force: true });
        return;
    }
    try {
        const now = await readOwner(file);
        if (!now || !stale || (now.pid === stale.pid && now.startedAt === stale.startedAt && now.host === stale.host))
            await node_fs_1.promises.rm(file, { force: true });
    }
    finally {
        await node_fs_1.promises.rm(breaker, { force: true });
    }
}
/**
 * The holder of a lock that exists: another apply creates the file and then writes it, so an empty
 * or half-written file is read again for a moment before it counts as unreadable (and stale).
 */
async function readWrittenOwner(file) {
    for (let attempt = 0;; attempt++) {
        const holder = await readOwner(file);
        if (holder || attempt >= 10)
            return holder;
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}
async function readOwner(file) {
    try {
        return JSON.parse(await node_fs_1.promises.readFile(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Whether a process runs; a killed one its parent has not reaped yet (a zombie) does not. */
function isAlive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch (err) {
        return err.code === 'EPERM';
    }
    if (process.platform === 'linux') {
        try {
            // /proc/PID/stat: "pid (comm) state …"; comm may hold spaces and parentheses, state follows the last ')'.
            const stat = (0, node_fs_1.readFileSync)(`/proc/${pid}/stat`, 'utf8');
            return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
        }
        catch {
            return false;
        }
    }
    return true;
}
//# sourceMappingURL=lock.js.map