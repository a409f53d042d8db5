import * as vscode from 'vscode';
import { readLiveAccount } from '../../core/restore/liveRead';
import { diffSnapshots, VOLATILE_FIELDS, type SnapshotDiff } from '../../core/snapshot/diff';
import type { ConnectionStore } from '../connections/connections';
import type { ExplorerNode, RecordSource } from '../explorer/nodes';
import { recordUri, showRecord } from '../recordDocuments';
import type { SnapshotLibrary } from '../snapshots';
import { fileOf, pickConnectionFor, pickSnapshot } from './pickers';
import { withCancellableProgress } from './cancellableProgress';
import { registerCommand } from './register';

/**
 * Compare a snapshot with another snapshot, or with the account as it is now: counts per entity,
 * then any record, a changed one side by side in the diff editor.
 */
export function registerCompareCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, snapshots: SnapshotLibrary, connections: ConnectionStore): void {
  registerCommand(context, log, 'keapVault.compareSnapshots', async (a?: ExplorerNode | string, b?: ExplorerNode | string) => {
    const first = await pickSnapshot(snapshots, a, 'Compare: the earlier snapshot');
    if (!first) return;
    const second = await pickSnapshot(snapshots, b, 'Compare: the later snapshot');
    if (!second) return;
    const [fileA, fileB] = [fileOf(first), fileOf(second)];
    const diff = diffSnapshots(await snapshots.db(fileA), await snapshots.db(fileB), { ignore: [...VOLATILE_FIELDS], maxChangedRecords: 200 });
    return showDiff(diff, { type: 'snapshot', file: fileA }, { type: 'snapshot', file: fileB }, 'earlier ↔ later');
  });

  registerCommand(context, log, 'keapVault.compareWithLive', async (node?: ExplorerNode | string) => {
    const snapshot = await pickSnapshot(snapshots, node, 'Compare which snapshot with the account now?');
    if (!snapshot) return;
    const file = fileOf(snapshot);
    const connection = await pickConnectionFor(connections, (await snapshots.db(file)).meta().account, node);
    if (!connection) return;
    const client = await connections.client(connection.id);
    // Reading live costs about one request per 1,000 records of each kind; Cancel stops it.
    const live = await withCancellableProgress(`Keap Vault: reading ${connection.name} to compare`, async (signal) => (await readLiveAccount(client, { signal })).db);
    let diff: SnapshotDiff;
    try {
      diff = diffSnapshots(await snapshots.db(file), live, { ignore: [...VOLATILE_FIELDS], maxChangedRecords: 200 });
    } finally {
      live.close();
    }
    return showDiff(diff, { type: 'snapshot', file }, { type: 'live', connectionId: connection.id }, 'snapshot ↔ live');
  });
}

/** The differences in a quick pick; the picked record opens (both sides in the diff editor when it changed). */
async function showDiff(diff: SnapshotDiff, left: RecordSource, right: RecordSource, sides: string): Promise<SnapshotDiff['totals']> {
  type Pick = vscode.QuickPickItem & { entity?: string; id?: string; side?: 'a' | 'b' | 'both' };
  const items: Pick[] = [];
  for (const e of diff.entities) {
    if (!e.added.length && !e.removed.length && !e.changedCount) continue;
    items.push({ label: `${e.entity}: ${e.before.toLocaleString('en-US')} -> ${e.after.toLocaleString('en-US')}`, kind: vscode.QuickPickItemKind.Separator });
    for (const id of e.removed.slice(0, 100)) items.push({ label: `$(remove) ${e.entity} ${id}`, description: 'removed', entity: e.entity, id, side: 'a' });
    for (const id of e.added.slice(0, 100)) items.push({ label: `$(add) ${e.entity} ${id}`, description: 'added', entity: e.entity, id, side: 'b' });
    for (const c of e.changed.slice(0, 100)) items.push({ label: `$(diff) ${e.entity} ${c.id}`, description: c.changes.map((f) => f.path).slice(0, 4).join(', '), entity: e.entity, id: c.id, side: 'both' });
  }
  const totals = `${diff.totals.added} added, ${diff.totals.removed} removed, ${diff.totals.changed} changed`;
  if (!items.length) {
    void vscode.window.showInformationMessage('Keap Vault: both sides hold the same records.');
    return diff.totals;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `${totals}: pick a record to see it`, matchOnDescription: true });
  if (!picked?.entity || !picked.id) return diff.totals;
  const leftUri = recordUri(left, picked.entity as never, picked.id);
  const rightUri = recordUri(right, picked.entity as never, picked.id);
  if (picked.side === 'both') await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, `${picked.entity} ${picked.id} (${sides})`);
  else await showRecord(picked.side === 'a' ? leftUri : rightUri);
  return diff.totals;
}
