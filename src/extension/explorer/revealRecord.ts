/**
 * "Show in Accounts view": finds a record's row in the tree (connection -> Snapshots or Live ->
 * snapshot -> list -> record) by walking the tree as VS Code would, so that TreeView.reveal can
 * expand the way to it. A record beyond the pages read so far is pinned at the top of its list.
 */
import { entityModule, EXPLORER_ENTITIES } from '../../core/entities';
import type { SnapshotEntity } from '../../core/snapshot/entities';
import { getRecord } from '../../core/snapshot/query';
import type { ConnectionStore } from '../connections/connections';
import { recordTitle } from '../recordNames';
import { UserError } from '../userError';
import type { SnapshotLibrary } from '../snapshots';
import type { ExplorerProvider } from './explorerProvider';
import type { ExplorerNode, RecordSource } from './nodes';

type Node<K extends ExplorerNode['kind']> = Extract<ExplorerNode, { kind: K }>;

export async function findRecordNode(
  explorer: ExplorerProvider,
  connections: ConnectionStore,
  snapshots: SnapshotLibrary,
  source: RecordSource,
  entity: SnapshotEntity,
  id: string,
): Promise<ExplorerNode> {
  const child = async <K extends ExplorerNode['kind']>(parent: ExplorerNode | undefined, match: (n: ExplorerNode) => n is Node<K>) =>
    (await explorer.getChildren(parent)).find(match);
  // Snapshots are listed under the connection that reaches their account, or under one that has not said yet.
  const account = source.type === 'snapshot' ? (await snapshots.db(source.file)).meta().account : undefined;
  const connectionId =
    source.type === 'live'
      ? source.connectionId
      : (connections.list().find((c) => c.account === account) ?? connections.list().find((c) => !c.account))?.id;
  const connection = await child(undefined, (n): n is Node<'connection'> => n.kind === 'connection' && n.connection.id === connectionId);
  if (!connection) throw new UserError('gone', 'No connection in the Accounts view shows this record: add one for its account.');
  let list: Node<'entity'> | undefined;
  if (source.type === 'snapshot') {
    const folder = await child(connection, (n): n is Node<'snapshots'> => n.kind === 'snapshots');
    const snapshot = await child(folder, (n): n is Node<'snapshot'> => n.kind === 'snapshot' && n.listing.file === source.file);
    if (!snapshot) throw new UserError('gone', 'That snapshot is no longer in the snapshot folder.');
    list = await child(snapshot, (n): n is Node<'entity'> => n.kind === 'entity' && n.entity === entity);
  } else {
    const live = await child(connection, (n): n is Node<'live'> => n.kind === 'live');
    list = await child(live, (n): n is Node<'entity'> => n.kind === 'entity' && n.entity === entity);
  }
  // Rows the tree lists only inside their parent (an order's items) are shown by their list's row.
  if (!list || !(EXPLORER_ENTITIES as readonly string[]).includes(entity)) return list ?? connection;
  const found = (await explorer.getChildren(list)).find((n) => n.kind === 'record' && n.id === id);
  if (found) return found;
  const record =
    source.type === 'snapshot'
      ? getRecord(await snapshots.db(source.file), entity, id)
      : await entityModule(entity).get?.(await connections.client(source.connectionId), id);
  if (!record)
    throw new UserError('gone', `${recordTitle(entity, id)} is not in ${source.type === 'snapshot' ? 'this snapshot' : 'the account'}.`);
  const pinned = explorer.recordNode(source, entity, id, record);
  explorer.pin(list, pinned);
  return (await explorer.getChildren(list)).find((n) => n.kind === 'record' && n.id === id) ?? pinned;
}
