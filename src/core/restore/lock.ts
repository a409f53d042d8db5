/**
 * One apply per account at a time on this machine: an exclusive lock file named after the account
 * in the user's state directory, so every ledger, plan folder and front end (CLI, VS Code windows)
 * takes the same lock. A lock left by a process that died can be broken explicitly; a live one
 * never is. Across machines the restore markers in Keap are what protects (see liveGuard.ts).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accountSlug } from '../snapshot/library';
import { KeapVaultError } from '../errors';
import { stateDir } from '../fs/stateDir';
import { isAlive } from '../work/processAlive';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  planId?: string;
  /** What took it (`apply`, a ledger file…), for the message another process shows. */
  by?: string;
}

export class ApplyLockedError extends KeapVaultError<'apply-locked'> {
  readonly kind = 'apply-locked';
  constructor(
    message: string,
    readonly owner: LockOwner,
    readonly stale: boolean,
  ) {
    super(message);
  }
}

export class ApplyLock {
  private constructor(
    readonly file: string,
    readonly owner: LockOwner,
  ) {}

  /** The lock file of an account (the same for every ledger and front end on this machine). */
  static fileFor(account: string): string {
    return path.join(stateDir(), 'locks', `keap-${accountSlug(account)}.lock`);
  }

  static async acquire(
    account: string,
    planId: string | undefined,
    options: { breakStale?: boolean; by?: string } = {},
  ): Promise<ApplyLock> {
    const file = ApplyLock.fileFor(account);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), planId, by: options.by };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await fs.writeFile(file, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
        return new ApplyLock(file, owner);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = await readWrittenOwner(file);
      const stale = !holder || (holder.host === os.hostname() && !isAlive(holder.pid));
      if (stale && options.breakStale && attempt === 0) {
        await breakStaleLock(file, holder);
        continue;
      }
      const who = holder
        ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}${holder.by ? `, ${holder.by}` : ''}`
        : 'an unreadable lock';
      throw new ApplyLockedError(
        stale
          ? `An earlier apply on this account (${who}) stopped without releasing its lock. If it is not running, break the lock (--break-lock) and resume.`
          : `Another apply is running on this account (${who}). Wait for it to finish.`,
        holder ?? { pid: 0, host: 'unknown', startedAt: '' },
        stale,
      );
    }
    // invariant: the loop above returns or throws on its last attempt
    throw new Error('unreachable');
  }

  async release(): Promise<void> {
    const holder = await readOwner(this.file);
    if (holder && holder.pid === this.owner.pid && holder.startedAt === this.owner.startedAt) await fs.rm(this.file, { force: true });
  }
}

/**
 * Removes a dead process's lock, unless another process breaks it at the same moment: two
 * breakers that both removed "the" stale file could otherwise each remove the other's new lock
 * and both go on. The breaker file serialises them; the lock is removed only if it is still the
 * dead one that was read.
 */
async function breakStaleLock(file: string, stale: LockOwner | undefined): Promise<void> {
  const breaker = `${file}.break`;
  try {
    await fs.writeFile(breaker, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }), {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const other = await readOwner(breaker);
    // Someone is breaking it now; if that someone died doing so, clear the way for the next try.
    if (!other || !isAlive(other.pid)) await fs.rm(breaker, { force: true });
    return;
  }
  try {
    const now = await readOwner(file);
    if (!now || !stale || (now.pid === stale.pid && now.startedAt === stale.startedAt && now.host === stale.host))
      await fs.rm(file, { force: true });
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

/**
 * The holder of a lock that exists: another apply creates the file and then writes it, so an empty
 * or half-written file is read again for a moment before it counts as unreadable (and stale).
 */
async function readWrittenOwner(file: string): Promise<LockOwner | undefined> {
  for (let attempt = 0; ; attempt++) {
    const holder = await readOwner(file);
    if (holder || attempt >= 10) return holder;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}
