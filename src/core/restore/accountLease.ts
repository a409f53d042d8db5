/**
 * One apply per account across machines: a lease kept in Keap itself, the only state every
 * machine shares. The lease is a tag with a fixed name (Keap keeps tag names unique) whose
 * description says who holds it and until when. Taking it is one create; if Keap did not refuse a
 * second tag of the name, the lowest id wins and the other is deleted, so two machines never both
 * hold it. The holder renews it between steps; a lease not renewed for `ttlMs` (a machine that
 * died or lost its network) is taken over by the next apply. Creating a tag starts nothing in
 * Keap (applying one can); the tag is visible to the account's users while a restore runs, and
 * its name says what it is.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { KeapClient } from '../keap/client';
import { KeapConflictError, KeapNotFoundError, KeapValidationError } from '../keap/errors';
import { filter } from '../keap/filter';
import type { KeapTag } from '../model';
import { ApplyLockedError, type LockOwner } from './lock';
import { isAlive } from '../work/processAlive';
import { KeapVaultError } from '../errors';

export const LEASE_TAG_NAME = 'Keap Vault: restore in progress';

interface LeaseText extends LockOwner {
  v: 1;
  /** This lease's own id (a pid can repeat; this cannot). */
  holder: string;
  expires: string;
}

export class LeaseLostError extends KeapVaultError<'lease-lost'> {
  readonly kind = 'lease-lost';
}

export interface LeaseOptions {
  planId?: string;
  /** Break a lease of a process on this machine that is gone. */
  breakStale?: boolean;
  /** How long a lease lasts without renewal (default 10 min, far above clock skew between machines). */
  ttlMs?: number;
  now?: () => number;
}

export class AccountLease {
  private renewedAt: number;

  private constructor(
    private readonly client: KeapClient,
    private readonly tagId: string,
    private readonly text: LeaseText,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {
    this.renewedAt = now();
  }

  static async acquire(client: KeapClient, options: LeaseOptions = {}): Promise<AccountLease> {
    const ttlMs = options.ttlMs ?? Number(process.env.KEAP_VAULT_LEASE_TTL_MS ?? 10 * 60_000);
    const now = options.now ?? Date.now;
    const text = (): LeaseText => ({
      v: 1,
      holder: randomUUID(),
      pid: process.pid,
      host: os.hostname(),
      startedAt: new Date(now()).toISOString(),
      planId: options.planId,
      expires: new Date(now() + ttlMs).toISOString(),
      by: 'apply',
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      const mine = text();
      let created: KeapTag | undefined;
      try {
        created = await client.tags.create({ name: LEASE_TAG_NAME, description: JSON.stringify(mine) });
      } catch (err) {
        // Keap refuses a second tag of the name: someone holds the lease (or left it behind).
        if (!(err instanceof KeapConflictError || err instanceof KeapValidationError)) throw err;
      }
      const tags = (await collect(client.tags.list({ filter: filter('name', '==', LEASE_TAG_NAME) }))).sort(
        (a, b) => Number(a.id) - Number(b.id),
      );
      const first = tags[0];
      if (created && first?.id === created.id) return new AccountLease(client, created.id, mine, ttlMs, now);
      if (created) await deleteTag(client, created.id); // Keap let two exist: the older one holds
      if (!first) continue;
      const holder = parseLease(first.description);
      const expired = !holder || Date.parse(holder.expires) < now();
      const dead = !!holder && holder.host === os.hostname() && !isAlive(holder.pid);
      if (attempt === 0 && (expired || (dead && options.breakStale))) {
        await deleteTag(client, first.id);
        continue;
      }
      const who = holder
        ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}, plan ${holder.planId ?? '?'}`
        : 'an unreadable lease';
      throw new ApplyLockedError(
        dead
          ? `An earlier apply on this account (${who}) stopped without releasing its lease in Keap (the tag "${LEASE_TAG_NAME}"). If it is not running, break the lock (--break-lock) and resume.`
          : `Another apply is running on this account (${who}; its lease in Keap, the tag "${LEASE_TAG_NAME}", lasts until ${holder?.expires ?? 'unknown'} unless renewed). Wait for it to finish.`,
        holder ?? { pid: 0, host: 'unknown', startedAt: '' },
        dead,
      );
    }
    throw new ApplyLockedError(
      'Could not take the apply lease in Keap: another apply took it at the same moment. Try again.',
      { pid: 0, host: 'unknown', startedAt: '' },
      false,
    );
  }

  /**
   * Renews the lease when a third of its time has passed, after checking it is still this one's:
   * an apply whose lease another machine took over (after it expired) must stop writing.
   */
  /** How long the lease lasts without renewal. */
  get ttl(): number {
    return this.ttlMs;
  }

  async renewIfDue(): Promise<void> {
    if (this.now() - this.renewedAt < this.ttlMs / 3) return;
    await this.renew(this.now() + this.ttlMs);
  }

  /**
   * Keeps the lease through a pause for Keap's quota: valid until `until` and its usual time after,
   * so no apply elsewhere takes the account over while this one waits (two requests, made before
   * the wait).
   */
  async holdUntil(until: number): Promise<void> {
    await this.renew(Math.max(this.now(), until) + this.ttlMs);
  }

  private async renew(expires: number): Promise<void> {
    let tag: KeapTag | undefined;
    try {
      tag = await this.client.tags.get(this.tagId);
    } catch (err) {
      if (!(err instanceof KeapNotFoundError)) throw err;
    }
    if (!tag || parseLease(tag.description)?.holder !== this.text.holder) {
      throw new LeaseLostError(
        `This apply's lease in Keap expired and another apply took the account over; stopped before the next write. The ledger is consistent: resume when the other apply has finished.`,
      );
    }
    const renewed = { ...this.text, expires: new Date(expires).toISOString() };
    await this.client.tags.update(this.tagId, { description: JSON.stringify(renewed) });
    this.renewedAt = this.now();
  }

  /**
   * Deletes this lease's tag, unread: nobody else writes to it (an apply taking over an expired
   * lease deletes the tag and creates its own, with a new id), so the tag of this id is this
   * lease's or gone.
   */
  async release(): Promise<void> {
    await deleteTag(this.client, this.tagId);
  }
}

function parseLease(description: unknown): LeaseText | undefined {
  try {
    const value = JSON.parse(String(description ?? '')) as LeaseText;
    return value && value.v === 1 && typeof value.holder === 'string' && typeof value.expires === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

async function deleteTag(client: KeapClient, id: string): Promise<void> {
  try {
    await client.tags.delete(id);
  } catch (err) {
    if (!(err instanceof KeapNotFoundError)) throw err;
  }
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}
