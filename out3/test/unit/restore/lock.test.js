"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = __importDefault(require("node:os"));
const node_path_1 = __importDefault(require("node:path"));
const lock_1 = require("../../../src/core/restore/lock");
/** A process that has exited but that its parent has not reaped: what `kill -9` leaves for a while. */
async function zombie() {
    // The shell starts a short sleep in the background, then becomes a long sleep that never waits for it.
    const parent = (0, node_child_process_1.spawn)('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const pid = await new Promise((resolve) => parent.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
    await new Promise((r) => setTimeout(r, 300));
    return { pid, done: () => parent.kill('SIGKILL') };
}
describe('Restore: the apply lock of an account on this machine', () => {
    it('takes a process that exited but was not reaped (a zombie) for dead, and a running one for alive', async function () {
        if (process.platform !== 'linux')
            this.skip();
        const z = await zombie();
        try {
            const stat = await node_fs_1.promises.readFile(`/proc/${z.pid}/stat`, 'utf8');
            strict_1.default.match(stat, /\) Z /, 'the test made a zombie');
            strict_1.default.equal((0, lock_1.isAlive)(z.pid), false);
            strict_1.default.equal((0, lock_1.isAlive)(process.pid), true);
        }
        finally {
            z.done();
        }
    });
    it("a lock left by a zombie is stale: refused with --break-lock's hint, broken when asked", async function () {
        if (process.platform !== 'linux')
            this.skip();
        const account = `lock-test-${process.pid}.example`;
        const z = await zombie();
        try {
            const file = lock_1.ApplyLock.fileFor(account);
            await node_fs_1.promises.mkdir(node_path_1.default.dirname(file), { recursive: true });
            await node_fs_1.promises.writeFile(file, JSON.stringify({ pid: z.pid, host: node_os_1.default.hostname(), startedAt: new Date().toISOString() }));
            await strict_1.default.rejects(lock_1.ApplyLock.acquire(account, 'p'), (err) => err instanceof lock_1.ApplyLockedError && err.stale && /--break-lock/.test(err.message));
            const lock = await lock_1.ApplyLock.acquire(account, 'p', { breakStale: true });
            await strict_1.default.rejects(lock_1.ApplyLock.acquire(account, 'q', { breakStale: true }), (err) => err instanceof lock_1.ApplyLockedError && !err.stale && /Another apply is running/.test(err.message));
            await lock.release();
        }
        finally {
            z.done();
        }
    });
    it('a lock file another apply has created but not yet written is that apply running, not a stale lock', async () => {
        const account = `half-written-${process.pid}.keap-vault.local`;
        const file = lock_1.ApplyLock.fileFor(account);
        await node_fs_1.promises.mkdir(node_path_1.default.dirname(file), { recursive: true });
        await node_fs_1.promises.writeFile(file, '');
        const writing = new Promise((resolve) => setTimeout(() => {
            void node_fs_1.promises
                .writeFile(file, JSON.stringify({ pid: process.pid, host: node_os_1.default.hostname(), startedAt: new Date().toISOString(), by: 'apply of plan p' }))
                .then(() => resolve());
        }, 50));
        await strict_1.default.rejects(lock_1.ApplyLock.acquire(account, 'q'), (err) => err instanceof lock_1.ApplyLockedError && !err.stale && /Another apply is running on this account/.test(err.message));
        await writing;
        await node_fs_1.promises.rm(file, { force: true });
    });
    it('two processes breaking the same stale lock at once: exactly one gets it', async () => {
        const account = `lock-race-${process.pid}.example`;
        const file = lock_1.ApplyLock.fileFor(account);
        for (let round = 0; round < 20; round++) {
            await node_fs_1.promises.mkdir(node_path_1.default.dirname(file), { recursive: true });
            await node_fs_1.promises.writeFile(file, JSON.stringify({ pid: 2 ** 22 + 12345, host: node_os_1.default.hostname(), startedAt: 'long ago' })); // no such process
            const results = await Promise.allSettled([
                lock_1.ApplyLock.acquire(account, 'a', { breakStale: true }),
                lock_1.ApplyLock.acquire(account, 'b', { breakStale: true }),
            ]);
            const won = results.filter((r) => r.status === 'fulfilled');
            strict_1.default.equal(won.length, 1, `round ${round}: ${results.map((r) => r.status).join(', ')}`);
            await won[0].value.release();
        }
    });
});
//# sourceMappingURL=lock.test.js.map