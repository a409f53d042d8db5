import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { counted } from '../../core/counted';
import { formatCurrencyValue } from '../../core/money';
import { exportSnapshot, type ExportFormat } from '../../core/snapshot/export';
import { searchOrders } from '../../core/snapshot/query';
import { takeSnapshot } from '../../core/usecases/takeSnapshot';
import { COMMANDS } from '../commandIds';
import type { Connection, ConnectionStore } from '../connections/connections';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import type { ExplorerNode } from '../explorer/nodes';
import { RecordCardPanel, type RecordCardServices } from '../recordCard/recordCardPanel';
import { recordUri, showRecord } from '../recordDocuments';
import type { SnapshotLibrary } from '../snapshots';
import type { Activity } from '../status/activity';
import { UserError } from '../userError';
import { fileOf, pickConnection, pickSnapshot } from './pickers';
import { registerCommand } from './register';

export function registerSnapshotCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  connections: ConnectionStore,
  snapshots: SnapshotLibrary,
  explorer: ExplorerProvider,
  activity: Activity,
): void {
  const cards: RecordCardServices = { extensionUri: context.extensionUri, log, connections, snapshots };
  /** One capture per connection at a time: a second start (a double click) joins the running one. */
  const running = new Map<string, Promise<string | undefined>>();
  const take = async (node: ExplorerNode | undefined, incremental: boolean) => {
    const connection = await pickConnection(connections, node);
    if (!connection) return;
    const already = running.get(connection.id);
    if (already) {
      void vscode.window.showInformationMessage(`Keap Vault: a snapshot of ${connection.name} is already being taken.`);
      return already;
    }
    const capture = activity
      .track(connection.id, incremental ? 'taking an incremental snapshot' : 'taking a snapshot', () => snapshotOf(connection, incremental))
      .finally(() => running.delete(connection.id));
    running.set(connection.id, capture);
    return capture;
  };
  const snapshotOf = async (connection: Connection, incremental: boolean): Promise<string | undefined> => {
    const client = await connections.client(connection.id);
    const folder = await snapshots.folder();
    const encrypt = vscode.workspace.getConfiguration('keapVault').get<boolean>('encryptSnapshots') ?? false;
    const key = encrypt ? await snapshots.key() : undefined;
    if (encrypt && !key)
      throw new UserError(
        'not-configured',
        'Snapshot encryption is on but no key is set: run "Keap Vault: Set Snapshot Encryption Key…".',
        'set-snapshot-key',
      );
    await client.ping();
    const account = client.transport.account;
    await connections.noteAccount(connection.id, account);
    const previous = await snapshots.latest(account);
    if (incremental && !previous)
      throw new UserError('nothing-yet', 'No earlier snapshot of this account to start from: take a full snapshot first.');
    const since = incremental && previous ? await snapshots.db(previous.file) : undefined;
    const readKey = await snapshots.key();
    let out: string | undefined;
    const controller = new AbortController();
    const read = (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => {
      token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
      return takeSnapshot({
        client,
        folder,
        account,
        encryptKey: key,
        readKey,
        since,
        anomalyThreshold: vscode.workspace.getConfiguration('keapVault').get<number>('anomalyThreshold') ?? 0.2,
        signal: controller.signal,
        onTarget: (target) => {
          out = target.file;
          if (target.resuming) log.info(`Resuming the interrupted snapshot ${target.file}`);
        },
        onProgress: (p) => {
          progress.report({
            message: `${p.entity}: ${p.records.toLocaleString('en-US')} records, ${p.requests} requests${p.throttleWaitedMs ? `, waited ${(p.throttleWaitedMs / 1000).toFixed(0)} s for Keap's quota` : ''}`,
          });
        },
      });
    };
    let result;
    try {
      // The notification has the numbers and Cancel; the explorer shows a progress bar while it runs.
      result = await vscode.window.withProgress({ location: { viewId: 'keapVault.explorer' } }, () =>
        vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Snapshot of ${connection.name}`, cancellable: true },
          read,
        ),
      );
    } catch (err) {
      if (!controller.signal.aborted) throw err;
      // What was read is kept (unencrypted NDJSON beside the snapshot) so that taking it again resumes.
      const choice = await vscode.window.showInformationMessage(
        `Keap Vault: snapshot of ${connection.name} cancelled. Take it again to resume where it stopped.`,
        'Discard What Was Read',
      );
      if (choice && out) await fs.rm(`${out}.partial`, { recursive: true, force: true });
      return undefined;
    }
    log.info(`Snapshot ${result.file}: ${result.requests} requests, ${JSON.stringify(result.meta.counts)}`);
    snapshots.refresh();
    if (result.anomalies.length) {
      const choice = await vscode.window.showWarningMessage(
        `Keap Vault: since the previous snapshot, ${result.anomalies.map((a) => a.message).join('; ')}`,
        'Compare',
      );
      if (choice === 'Compare' && previous) await vscode.commands.executeCommand(COMMANDS.compareSnapshots, previous.file, result.file);
    } else {
      void vscode.window.showInformationMessage(
        `Keap Vault: snapshot taken (${(result.meta.counts.orders ?? 0).toLocaleString('en-US')} orders, ${result.requests} requests).`,
      );
    }
    return result.file;
  };
  registerCommand(context, log, COMMANDS.takeSnapshot, (node?: ExplorerNode) => take(node, false));
  registerCommand(context, log, COMMANDS.takeIncrementalSnapshot, (node?: ExplorerNode) => take(node, true));

  registerCommand(context, log, COMMANDS.deleteSnapshot, async (node?: ExplorerNode) => {
    const snapshot = await pickSnapshot(snapshots, node);
    if (!snapshot) return;
    const ok = await vscode.window.showWarningMessage(
      `Delete the snapshot ${fileOf(snapshot)}? This cannot be undone.`,
      { modal: true },
      'Delete',
    );
    if (ok === 'Delete') await snapshots.delete(fileOf(snapshot));
  });

  registerCommand(context, log, COMMANDS.exportSnapshot, async (node?: ExplorerNode) => {
    const snapshot = await pickSnapshot(snapshots, node);
    if (!snapshot) return;
    const format = (await vscode.window.showQuickPick(['csv', 'ndjson', 'json'], { placeHolder: 'Export format' })) as
      ExportFormat | undefined;
    if (!format) return;
    const target = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export here' });
    if (!target?.[0]) return;
    const result = await snapshots.use(fileOf(snapshot), (db) => exportSnapshot(db, { format, outDir: target[0].fsPath }));
    void vscode.window.showInformationMessage(`Keap Vault: exported ${counted(result.files.length, 'file')} to ${target[0].fsPath}.`);
  });

  // An order, and a snapshot's contact, open as a card a person can read (its JSON one click away); other records as JSON.
  registerCommand(context, log, COMMANDS.openRecord, async (node: ExplorerNode) => {
    if (node?.kind !== 'record') return;
    if (node.entity === 'orders') await RecordCardPanel.show(cards, node.source, node.id);
    else if (node.entity === 'contacts' && node.source.type === 'snapshot')
      await RecordCardPanel.show(cards, node.source, node.id, 'contacts');
    else await showRecord(recordUri(node.source, node.entity, node.id, node.label), { preview: true });
  });

  registerCommand(context, log, COMMANDS.showRecordJson, async () => {
    const card = RecordCardPanel.active();
    if (!card) throw new UserError('needs-selection', 'Open an order or a contact from the Accounts view first.');
    await card.showJson();
  });

  registerCommand(context, log, COMMANDS.loadMore, (node: ExplorerNode) => node?.kind === 'more' && explorer.loadMore(node));
  registerCommand(context, log, COMMANDS.refresh, () => explorer.refresh());
  registerCommand(context, log, COMMANDS.copyId, async (node: ExplorerNode) => {
    if (node?.kind === 'record') await vscode.env.clipboard.writeText(node.id);
  });

  registerCommand(context, log, COMMANDS.goToOrder, async (node?: ExplorerNode) => {
    const snapshot = await pickSnapshot(snapshots, node, 'Search orders in which snapshot?');
    if (!snapshot) return;
    const text = await vscode.window.showInputBox({ prompt: 'Order id, invoice id, contact email or name' });
    if (!text) return;
    const found = searchOrders(await snapshots.db(fileOf(snapshot)), text, 50);
    if (!found.length) return void vscode.window.showInformationMessage(`Keap Vault: no order matches "${text}".`);
    const picked =
      found.length === 1
        ? { id: found[0].id }
        : await vscode.window.showQuickPick(
            found.map((o) => ({
              label: `#${o.id}`,
              description: `${o.record.contact?.email ?? ''} ${formatCurrencyValue(o.record.total)} ${o.record.order_time?.slice(0, 10) ?? ''}`,
              id: o.id,
            })),
          );
    if (!picked) return;
    await RecordCardPanel.show(cards, { type: 'snapshot', file: fileOf(snapshot) }, picked.id);
  });
}
