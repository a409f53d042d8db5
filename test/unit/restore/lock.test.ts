import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplyLock, ApplyLockedError } from '../../../src/core/restore/lock';
import { isAlive } from '../../../src/core/work/processAlive';

/** A process that has exited but that its parent has not reaped: what `kill -9` leaves for a while. */
async function zombie(): Promise<{ pid: number; done: () => void }> {
  // The shell starts a short sleep in the background, then becomes a long sleep that never waits for it.
  const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  await new Promise((r) => setTimeout(r, 300));
  return { pid, done: () => parent.kill('SIGKILL') };
}

describe('Restore: the apply lock of an account on this machine', () => {
  it('takes a process that exited but was not reaped (a zombie) for dead, and a running one for alive', async function () {
    if (process.platform !== 'linux') this.skip();
    const z = await zombie();
    try {
      const stat = await fs.readFile(`/proc/${z.pid}/stat`, 'utf8');
      assert.match(stat, /\) Z /, 'the test made a zombie');
      assert.equal(isAlive(z.pid), false);
      assert.equal(isAlive(process.pid), true);
    } finally {
      z.done();
    }
  });

  it("a lock left by a zombie is stale: refused with --break-lock's hint, broken when asked", async function () {
    if (process.platform !== 'linux') this.skip();
    const account = `lock-test-${process.pid}.example`;
    const z = await zombie();
    try {
      const file = ApplyLock.fileFor(account);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, JSON.stringify({ pid: z.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
      await assert.rejects(
        ApplyLock.acquire(account, 'p'),
        (err: Error) => err instanceof ApplyLockedError && err.stale && /--break-lock/.test(err.message),
      );
      const lock = await ApplyLock.acquire(account, 'p', { breakStale: true });
      await assert.rejects(
        ApplyLock.acquire(account, 'q', { breakStale: true }),
        (err: Error) => err instanceof ApplyLockedError && !err.stale && /Another apply is running/.test(err.message),
      );
      await lock.release();
    } finally {
      z.done();
    }
  });

  it('a lock file another apply has created but not yet written is that apply running, not a stale lock', async () => {
    const account = `half-written-${process.pid}.keap-vault.local`;
    const file = ApplyLock.fileFor(account);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '');
    const writing = new Promise<void>((resolve) =>
      setTimeout(() => {
        void fs
          .writeFile(
            file,
            JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), by: 'apply of plan p' }),
          )
          .then(() => resolve());
      }, 50),
    );
    await assert.rejects(
      ApplyLock.acquire(account, 'q'),
      (err: unknown) => err instanceof ApplyLockedError && !err.stale && /Another apply is running on this account/.test(err.message),
    );
    await writing;
    await fs.rm(file, { force: true });
  });

  it('two processes breaking the same stale lock at once: exactly one gets it', async () => {
    const account = `lock-race-${process.pid}.example`;
    const file = ApplyLock.fileFor(account);
    for (let round = 0; round < 20; round++) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: 'long ago' })); // no such process
      const results = await Promise.allSettled([
        ApplyLock.acquire(account, 'a', { breakStale: true }),
        ApplyLock.acquire(account, 'b', { breakStale: true }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      assert.equal(won.length, 1, `round ${round}: ${results.map((r) => r.status).join(', ')}`);
      await (won[0] as PromiseFulfilledResult<ApplyLock>).value.release();
    }
  });
});
