/**
 * Restore plans kept in a folder (the CLI's `<data dir>/plans`): how a new one is named, and which is
 * an account's latest (what `keap-vault apply latest` applies).
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { snapshotFileName } from '../snapshot/library';
import { PlanFormatError } from './plan';
import { readPlanHead, type PlanHead } from './planFile';

export const PLAN_EXTENSION = '.plan.json';

/** `keap-<account>-<UTC time>.plan.json` in `dir`, never overwriting a plan made in the same second. */
export function newPlanPath(dir: string, account: string, at = new Date(), exists: (file: string) => boolean = existsSync): string {
  const base = snapshotFileName(account, at).replace(/\.kvsnap$/, '');
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}${PLAN_EXTENSION}`);
    if (!exists(file)) return file;
  }
}

/** The most recently made plan of an account in `dir` (by the time the plan says it was made); files that are not plans are passed over. */
export async function latestPlan(dir: string, account: string): Promise<{ file: string; plan: PlanHead } | undefined> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return undefined;
  }
  let latest: { file: string; plan: PlanHead } | undefined;
  for (const name of names.filter((n) => n.endsWith(PLAN_EXTENSION))) {
    const file = path.join(dir, name);
    let plan: PlanHead;
    try {
      // Only each plan's first line: the steps of a large plan are not read to learn its date.
      plan = await readPlanHead(file);
    } catch (err) {
      if (err instanceof PlanFormatError || (err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    if (plan.account === account && (!latest || plan.createdAt > latest.plan.createdAt)) latest = { file, plan };
  }
  return latest;
}
