/**
 * The snapshots in a folder: how they are named, and which is the latest of an account (the base
 * for incremental captures and the anomaly check).
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { ENVELOPE_MAGIC, isEncrypted } from './envelope';
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
  return account.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '').slice(0, 60) || 'account';
}

/** `keap-<account>-<UTC time>.kvsnap`; names come from our own text only, never unchecked data. */
export function snapshotFileName(account: string, at = new Date()): string {
  const safeAccount = accountSlug(account);
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
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

/** Snapshots in a folder, newest first; files that are not readable snapshots are skipped. */
export async function listSnapshots(dir: string, key?: string): Promise<SnapshotListing[]> {
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
      const db = await SnapshotDb.open(file, { key, metadataOnly: true });
      const meta = db.meta();
      db.close();
      const { size } = await fs.stat(file);
      const head = Buffer.alloc(ENVELOPE_MAGIC.length);
      const handle = await fs.open(file, 'r');
      await handle.read(head, 0, head.length, 0);
      await handle.close();
      out.push({ file, meta, bytes: size, encrypted: isEncrypted(head) });
    } catch (err) {
      if (!(err instanceof SnapshotError)) throw err;
    }
  }
  return out.sort((a, b) => b.meta.finishedAt.localeCompare(a.meta.finishedAt));
}

export async function latestSnapshot(dir: string, account: string, key?: string): Promise<SnapshotListing | undefined> {
  return (await listSnapshots(dir, key)).find((s) => s.meta.account === account);
}
