/**
 * One apply per account at a time: an exclusive lock file beside the ledger, holding who took it.
 * A lock left by a process that died can be broken explicitly; a live one never is.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  planId?: string;
}

export class ApplyLockedError extends Error {
  constructor(message: string, readonly owner: LockOwner, readonly stale: boolean) {
    super(message);
  }
}

export class ApplyLock {
  private constructor(readonly file: string, readonly owner: LockOwner) {}

  static fileFor(ledgerFile: string): string {
    return `${ledgerFile}.lock`;
  }

  static async acquire(ledgerFile: string, planId: string | undefined, options: { breakStale?: boolean } = {}): Promise<ApplyLock> {
    const file = ApplyLock.fileFor(ledgerFile);
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), planId };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await fs.writeFile(file, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
        return new ApplyLock(file, owner);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = await readOwner(file);
      const stale = !holder || (holder.host === os.hostname() && !isAlive(holder.pid));
      if (stale && options.breakStale && attempt === 0) {
        await fs.rm(file, { force: true });
        continue;
      }
      const who = holder ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}` : 'an unreadable lock';
      throw new ApplyLockedError(
        stale
          ? `An earlier apply on this account (${who}) stopped without releasing its lock. If it is not running, break the lock (--break-lock) and resume.`
          : `Another apply is running on this account (${who}). Wait for it to finish.`,
        holder ?? { pid: 0, host: 'unknown', startedAt: '' }, stale);
    }
    throw new Error('unreachable');
  }

  async release(): Promise<void> {
    const holder = await readOwner(this.file);
    if (holder && holder.pid === this.owner.pid && holder.startedAt === this.owner.startedAt) await fs.rm(this.file, { force: true });
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
