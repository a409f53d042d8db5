/**
 * The id map a compare reads to recognise restores: the account's restore ledger, which the CLI
 * and the extension keep beside the snapshots (`keap-<account>.kvledger`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Ledger, ledgerFileFor, type IdMapEntry } from '../restore/ledger';

/** The ledger of `account` in the folder of `snapshotFile` (else in the first of `elsewhere` that has one), if any. */
export function ledgerBeside(snapshotFile: string, account: string, elsewhere: readonly string[] = []): string | undefined {
  for (const folder of [path.dirname(path.resolve(snapshotFile)), ...elsewhere]) {
    const file = ledgerFileFor(folder, account);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Old id -> new id of every record restores created; only reads the ledger (and its journal). */
export async function readIdMap(ledgerFile: string): Promise<IdMapEntry[]> {
  const ledger = await Ledger.open(ledgerFile);
  try {
    return ledger.idMap();
  } finally {
    ledger.close();
  }
}
