/**
 * The snapshots in a folder: how they are named, and which is the latest of an account (the base
 * for incremental captures and the anomaly check).
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { ENVELOPE_MAGIC, isEncrypted } from './envelope';
import { CaptureJournal } from './journal';
import { SnapshotError } from './errors';
import { SnapshotDb, type SnapshotMeta } from './snapshotDb';

export const SNAPSHOT_EXTENSION = '.kvsnap';

export interface SnapshotListing {
  file: string;
  meta: SnapshotMeta;
  bytes: number;
  encrypted: boolean;
}

/** An account name made safe for a file name (Keap tenant ids look like `ps359.infusionsoft.com`). */
export function accountSlug(account: string): string {
  return (
    account
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[.-]+|[.-]+$/g, '')
      .slice(0, 60) || 'account'
  );
}

/** `keap-<account>-<UTC time>.kvsnap`; names come from our own text only, never unchecked data. */
export function snapshotFileName(account: string, at = new Date()): string {
  const safeAccount = accountSlug(account);
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `keap-${safeAccount}-${stamp}${SNAPSHOT_EXTENSION}`;
}

/** A new snapshot file in `dir` that does not overwrite an earlier one taken in the same second. */
export function newSnapshotPath(dir: string, account: string, at = new Date(), exists: (file: string) => boolean = existsSync): string {
  const base = snapshotFileName(account, at).slice(0, -SNAPSHOT_EXTENSION.length);
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}${SNAPSHOT_EXTENSION}`);
    if (!exists(file) && !exists(`${file}.partial`)) return file;
  }
}

/** Listings already read, by file, valid while the file's size and modification time stay the same. */
export type ListingCache = Map<string, { stamp: string; listing: SnapshotListing }>;

/**
 * Snapshots in a folder, newest first; files that are not readable snapshots are skipped. Reading a
 * listing loads the file, so callers that list often (a tree) pass a cache.
 */
export async function listSnapshots(dir: string, key?: string, cache?: ListingCache): Promise<SnapshotListing[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const out: SnapshotListing[] = [];
  for (const name of names.filter((n) => n.endsWith(SNAPSHOT_EXTENSION))) {
    const file = path.join(dir, name);
    try {
      const { size, mtimeMs } = await fs.stat(file);
      const stamp = `${size}:${mtimeMs}`;
      const known = cache?.get(file);
      if (known?.stamp === stamp) {
        out.push(known.listing);
        continue;
      }
      const db = await SnapshotDb.open(file, { key, metadataOnly: true });
      const meta = db.meta();
      db.close();
      const head = Buffer.alloc(ENVELOPE_MAGIC.length);
      const handle = await fs.open(file, 'r');
      await handle.read(head, 0, head.length, 0);
      await handle.close();
      const listing = { file, meta, bytes: size, encrypted: isEncrypted(head) };
      cache?.set(file, { stamp, listing });
      out.push(listing);
    } catch (err) {
      if (!(err instanceof SnapshotError) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return out.sort((a, b) => b.meta.finishedAt.localeCompare(a.meta.finishedAt));
}

export async function latestSnapshot(
  dir: string,
  account: string,
  key?: string,
  cache?: ListingCache,
): Promise<SnapshotListing | undefined> {
  return (await listSnapshots(dir, key, cache)).find((s) => s.meta.account === account);
}

/**
 * An interrupted capture of this account in the folder that a capture of the same kind picks up
 * again: a full one, or (with `sinceSnapshotId`) an incremental one from that snapshot.
 */
export async function interruptedCapture(dir: string, account: string, sinceSnapshotId?: string): Promise<string | undefined> {
  const prefix = snapshotFileName(account).replace(/\d{8}T\d{6}Z\.kvsnap$/, '');
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return undefined;
  }
  for (const name of names.filter((n) => n.endsWith('.partial'))) {
    const journal = await CaptureJournal.find(path.join(dir, name));
    if (!journal || !path.basename(journal.state.out).startsWith(prefix)) continue;
    const sameKind = sinceSnapshotId
      ? journal.state.mode === 'incremental' && journal.state.sinceSnapshotId === sinceSnapshotId
      : journal.state.mode === 'full';
    if (sameKind) return journal.state.out;
  }
  return undefined;
}
