/**
 * Compare two snapshots (or a snapshot and the account read now), pairing records a restore gave
 * new ids through the account's ledger and the restore markers. The CLI's `diff` and the extension's
 * Compare commands both come through here, so both find the same ledger and pair the same records.
 */
import { diffSnapshots, type DiffOptions, type RestoredId, type SnapshotDiff } from '../snapshot/diff';
import { ledgerBeside, readIdMap } from '../snapshot/ledgerIdMap';
import type { SnapshotDb } from '../snapshot/snapshotDb';

export interface CompareInput {
  a: SnapshotDb;
  /** A's file: the ledger is looked for beside it. */
  fileA: string;
  b: SnapshotDb;
  /** The ledger to pair restored records with; by default the account's, beside A or in `ledgerFolders`. */
  ledgerFile?: string;
  /** Other folders the account's ledger may be in (the extension keeps plans in its snapshot folder). */
  ledgerFolders?: readonly string[];
  options: Omit<DiffOptions, 'idMap'>;
  /**
   * A ledger found (not named) that cannot be read: compare goes on with markers alone, and says so
   * here. A ledger named by `ledgerFile` that cannot be read is an error.
   */
  onLedgerWarning?: (message: string) => void;
}

export interface Comparison {
  diff: SnapshotDiff;
  /** The ledger whose id map paired restored records, if one was used. */
  ledgerFile?: string;
}

export async function compareSnapshots(input: CompareInput): Promise<Comparison> {
  const ledger = await ledgerIdMap(input);
  const diff = diffSnapshots(input.a, input.b, { ...input.options, idMap: ledger?.idMap });
  return { diff, ledgerFile: ledger?.file };
}

async function ledgerIdMap(input: CompareInput): Promise<{ file: string; idMap: RestoredId[] } | undefined> {
  if (input.ledgerFile !== undefined) return { file: input.ledgerFile, idMap: await readIdMap(input.ledgerFile) };
  const file = ledgerBeside(input.fileA, input.a.meta().account, input.ledgerFolders);
  if (!file) return undefined;
  try {
    return { file, idMap: await readIdMap(file) };
  } catch (err) {
    input.onLedgerWarning?.(`${(err as Error).message} Pairing restored records by their markers only.`);
    return undefined;
  }
}
