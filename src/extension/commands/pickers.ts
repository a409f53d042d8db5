/** Choosing a connection or a snapshot when a command comes from the palette rather than the tree. */
import * as vscode from 'vscode';
import type { SnapshotListing } from '../../core/snapshot/library';
import type { Connection, ConnectionStore } from '../connections/connections';
import type { ExplorerNode } from '../explorer/nodes';
import type { SnapshotLibrary } from '../snapshots';

export async function pickConnection(connections: ConnectionStore, node?: ExplorerNode): Promise<Connection | undefined> {
  if (node?.kind === 'connection') return node.connection;
  const list = connections.list();
  if (list.length === 1) return list[0];
  if (!list.length) {
    void vscode.window.showInformationMessage('Keap Vault: add a connection or try the demo first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    list.map((c) => ({ label: c.name, description: c.baseUrl, connection: c })),
    { placeHolder: 'Which Keap account?' },
  );
  return picked?.connection;
}

/**
 * The connection whose credential to set: the one the tree or the error names, else the only one in
 * trouble (Keap refused its credential, or it has none), else the user's pick.
 */
export async function pickConnectionToFix(connections: ConnectionStore, node?: ExplorerNode): Promise<Connection | undefined> {
  if (node?.kind === 'connection') return node.connection;
  const inTrouble = await connections.withProblems();
  return inTrouble.length === 1 ? inTrouble[0] : pickConnection(connections);
}

/**
 * The connection to work on a snapshot's account with: the one the tree showed it under, else the
 * only connection known to reach that account, else the user's pick.
 */
export async function pickConnectionFor(
  connections: ConnectionStore,
  account: string,
  node?: ExplorerNode | string,
): Promise<Connection | undefined> {
  if (typeof node === 'object' && node.kind === 'snapshot' && node.connectionId) return connections.get(node.connectionId);
  const same = connections.list().filter((c) => c.account === account);
  return same.length === 1 ? same[0] : pickConnection(connections);
}

export async function pickSnapshot(
  snapshots: SnapshotLibrary,
  node?: ExplorerNode | string,
  placeHolder = 'Which snapshot?',
): Promise<SnapshotListing | string | undefined> {
  if (typeof node === 'string') return node;
  if (node?.kind === 'snapshot') return node.listing;
  const list = await snapshots.list();
  if (!list.length) {
    void vscode.window.showInformationMessage('Keap Vault: no snapshots yet. Take one first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    list.map((s) => ({
      label: s.meta.finishedAt.replace('T', ' ').slice(0, 19),
      description: `${s.meta.account} · ${s.meta.counts.orders ?? 0} orders${s.encrypted ? ' · encrypted' : ''}`,
      listing: s,
    })),
    { placeHolder },
  );
  return picked?.listing;
}

export const fileOf = (s: SnapshotListing | string) => (typeof s === 'string' ? s : s.file);
