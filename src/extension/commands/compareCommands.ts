import * as vscode from 'vscode';
import { diffSnapshots, VOLATILE_FIELDS } from '../../core/snapshot/diff';
import type { ExplorerNode } from '../explorer/nodes';
import { recordUri } from '../recordDocuments';
import type { SnapshotLibrary } from '../snapshots';
import { fileOf, pickSnapshot } from './pickers';
import { registerCommand } from './register';

/** Compare two snapshots: counts per entity, then any changed record side by side in the diff editor. */
export function registerCompareCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, snapshots: SnapshotLibrary): void {
  registerCommand(context, log, 'keapVault.compareSnapshots', async (a?: ExplorerNode | string, b?: ExplorerNode | string) => {
    const first = await pickSnapshot(snapshots, a, 'Compare: the earlier snapshot');
    if (!first) return;
    const second = await pickSnapshot(snapshots, b, 'Compare: the later snapshot');
    if (!second) return;
    const [fileA, fileB] = [fileOf(first), fileOf(second)];
    const diff = diffSnapshots(await snapshots.db(fileA), await snapshots.db(fileB), { ignore: [...VOLATILE_FIELDS], maxChangedRecords: 200 });
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
    if (!items.length) return void vscode.window.showInformationMessage('Keap Vault: the snapshots hold the same records.');
    const picked = await vscode.window.showQuickPick(items, { placeHolder: `${totals}: pick a record to see it`, matchOnDescription: true });
    if (!picked?.entity || !picked.id) return diff.totals;
    const left = recordUri({ type: 'snapshot', file: fileA }, picked.entity as never, picked.id);
    const right = recordUri({ type: 'snapshot', file: fileB }, picked.entity as never, picked.id);
    if (picked.side === 'both') await vscode.commands.executeCommand('vscode.diff', left, right, `${picked.entity} ${picked.id} (earlier ↔ later)`);
    else await vscode.window.showTextDocument(picked.side === 'a' ? left : right);
    return diff.totals;
  });
}
