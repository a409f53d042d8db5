import * as vscode from 'vscode';
import { readLiveAccount } from '../../core/restore/liveRead';
import { VOLATILE_FIELDS, type SnapshotDiff } from '../../core/snapshot/diff';
import type { SnapshotDb } from '../../core/snapshot/snapshotDb';
import { compareSnapshots } from '../../core/usecases/compareSnapshots';
import { COMMANDS } from '../commandIds';
import type { ConnectionStore } from '../connections/connections';
import type { ExplorerNode, RecordSource } from '../explorer/nodes';
import { recordUri, showRecord } from '../recordDocuments';
import type { SnapshotLibrary } from '../snapshots';
import type { Activity } from '../status/activity';
import { fileOf, pickConnectionFor, pickSnapshot } from './pickers';
import { withCancellableProgress } from './cancellableProgress';
import { registerCommand } from './register';

/**
 * Compare a snapshot with another snapshot, or with the account as it is now: counts per entity,
 * then any record, a changed one side by side in the diff editor. Records restored under new ids
 * (restore markers, the account's ledger) are their own group, not added and removed.
 */
export function registerCompareCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  snapshots: SnapshotLibrary,
  connections: ConnectionStore,
  activity: Activity,
): void {
  /**
   * Restored records are paired through the account's ledger (beside A, or in the snapshot folder
   * where plans keep it); a damaged ledger is logged, and markers alone pair them.
   */
  const compare = async (fileA: string, b: SnapshotDb): Promise<SnapshotDiff> =>
    snapshots.use(fileA, async (a) => {
      const { diff } = await compareSnapshots({
        a,
        fileA,
        b,
        ledgerFolders: [await snapshots.folder()],
        options: { ignore: [...VOLATILE_FIELDS], maxChangedRecords: 200 },
        onLedgerWarning: (message) => log.warn(`Compare: ${message}`),
      });
      return diff;
    });

  registerCommand(context, log, COMMANDS.compareSnapshots, async (a?: ExplorerNode | string, b?: ExplorerNode | string) => {
    const first = await pickSnapshot(snapshots, a, 'Compare: the earlier snapshot');
    if (!first) return;
    const second = await pickSnapshot(snapshots, b, 'Compare: the later snapshot');
    if (!second) return;
    const [fileA, fileB] = [fileOf(first), fileOf(second)];
    const diff = await snapshots.use(fileB, (b) => compare(fileA, b));
    return showDiff(diff, { type: 'snapshot', file: fileA }, { type: 'snapshot', file: fileB }, 'earlier ↔ later');
  });

  registerCommand(context, log, COMMANDS.compareWithLive, async (node?: ExplorerNode | string) => {
    const snapshot = await pickSnapshot(snapshots, node, 'Compare which snapshot with the account now?');
    if (!snapshot) return;
    const file = fileOf(snapshot);
    const account = (await snapshots.db(file)).meta().account;
    const connection = await pickConnectionFor(connections, account, node);
    if (!connection) return;
    const client = await connections.client(connection.id);
    // Reading live costs about one request per 1,000 records of each kind; Cancel stops it.
    const live = await activity.track(connection.id, 'reading the account to compare', () =>
      withCancellableProgress(
        `Keap Vault: reading ${connection.name} to compare`,
        async (signal) => (await readLiveAccount(client, { signal })).db,
      ),
    );
    let diff: SnapshotDiff;
    try {
      diff = await compare(file, live);
    } finally {
      live.close();
    }
    return showDiff(diff, { type: 'snapshot', file }, { type: 'live', connectionId: connection.id }, 'snapshot ↔ live');
  });
}

/** What a compare command resolves to: the totals, and the records restored under new ids (not differences). */
export type CompareTotals = SnapshotDiff['totals'] & { restored: number };

/** The differences in a quick pick; the picked record opens (both sides in the diff editor when it changed). */
async function showDiff(diff: SnapshotDiff, left: RecordSource, right: RecordSource, sides: string): Promise<CompareTotals> {
  // `newId`: the record's id on the right when it was restored there under a new id.
  type Pick = vscode.QuickPickItem & { entity?: string; id?: string; newId?: string; side?: 'a' | 'b' | 'both' };
  const result: CompareTotals = { ...diff.totals, restored: diff.restored };
  const items: Pick[] = [];
  for (const e of diff.entities) {
    if (!e.added.length && !e.removed.length && !e.changedCount && !e.restored.length && !e.markerFields.length) continue;
    items.push({
      label: `${e.entity}: ${e.before.toLocaleString('en-US')} -> ${e.after.toLocaleString('en-US')}`,
      kind: vscode.QuickPickItemKind.Separator,
    });
    for (const id of e.removed.slice(0, 100))
      items.push({ label: `$(remove) ${e.entity} ${id}`, description: 'removed', entity: e.entity, id, side: 'a' });
    for (const id of e.added.slice(0, 100))
      items.push({ label: `$(add) ${e.entity} ${id}`, description: 'added', entity: e.entity, id, side: 'b' });
    for (const c of e.changed.slice(0, 100)) {
      const label = c.newId === undefined ? `$(diff) ${e.entity} ${c.id}` : `$(diff) ${e.entity} ${c.id} → ${c.newId} (restored)`;
      items.push({
        label,
        description: c.changes
          .map((f) => f.path)
          .slice(0, 4)
          .join(', '),
        entity: e.entity,
        id: c.id,
        newId: c.newId,
        side: 'both',
      });
    }
    for (const r of e.restored.slice(0, 100)) {
      items.push({
        label: `$(history) ${e.entity} ${r.oldId} → ${r.newId}`,
        description: 'restored under a new id, same as before',
        entity: e.entity,
        id: r.oldId,
        newId: r.newId,
        side: 'both',
      });
    }
    for (const id of e.markerFields.slice(0, 100))
      items.push({
        label: `$(bookmark) ${e.entity} ${id}`,
        description: 'the field a restore added for its markers',
        entity: e.entity,
        id,
        side: 'b',
      });
  }
  const differences = `${diff.totals.added} added, ${diff.totals.removed} removed, ${diff.totals.changed} changed`;
  const restored = diff.restored ? `${diff.restored.toLocaleString('en-US')} restored under new ids` : '';
  const summary =
    diff.totals.added || diff.totals.removed || diff.totals.changed
      ? `${differences}${restored ? `; ${restored}` : ''}`
      : `0 differences${restored ? ` (${restored})` : ''}`;
  if (!items.length) {
    void vscode.window.showInformationMessage('Keap Vault: both sides hold the same records.');
    return result;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `${summary}: pick a record to see it`, matchOnDescription: true });
  if (!picked?.entity || !picked.id) return result;
  const leftUri = recordUri(left, picked.entity as never, picked.id);
  const rightUri = recordUri(right, picked.entity as never, picked.newId ?? picked.id);
  const title = picked.newId === undefined ? `${picked.entity} ${picked.id}` : `${picked.entity} ${picked.id} → ${picked.newId}`;
  if (picked.side === 'both') await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, `${title} (${sides})`);
  else await showRecord(picked.side === 'a' ? leftUri : rightUri);
  return result;
}
