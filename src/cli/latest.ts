/**
 * "latest" where a command takes a snapshot or a plan file: the newest of the account the credential
 * reaches, so a walkthrough can be typed as written whatever the data folder is. The file chosen is
 * named on stderr before anything is done with it.
 */
import { dataPaths } from '../core/fs/dataDir';
import type { KeapClient } from '../core/keap/client';
import { latestPlan } from '../core/restore/planFiles';
import { latestSnapshot } from '../core/snapshot/library';
import { UsageError, type Io } from './output';
import { snapshotKey } from './snapshotFlags';

/** `plan latest`: the newest snapshot of the account the credential reaches, in the snapshot folder. */
export async function latestSnapshotFile(
  client: KeapClient,
  io: Io,
  dir = dataPaths().snapshots,
  doing = 'Planning from',
): Promise<string> {
  const account = await client.account();
  const latest = await latestSnapshot(dir, account, snapshotKey());
  if (!latest) throw new UsageError(`No snapshot of ${account} in ${dir}: take one first with keap-vault snapshot.`);
  io.err(`${doing} ${latest.file} (the latest snapshot of ${account}, taken ${latest.meta.finishedAt}).`);
  return latest.file;
}

/** `apply latest`: the plan made last for the account the credential reaches, in the data folder's plans. */
export async function latestPlanFile(client: KeapClient, io: Io): Promise<string> {
  const account = await client.account();
  const dir = dataPaths().plans;
  const latest = await latestPlan(dir, account);
  if (!latest) throw new UsageError(`No plan for ${account} in ${dir}: make one first with keap-vault plan.`);
  io.err(`Applying ${latest.file} (the latest plan for ${account}, made ${latest.plan.createdAt}).`);
  return latest.file;
}
