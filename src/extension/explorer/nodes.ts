/**
 * What the Keap Vault explorer shows, as plain data: the provider turns nodes into tree items and
 * children; commands receive nodes back from menus (contextValue keys the `viewItem ==` menus).
 */
import type { SnapshotListing } from '../../core/snapshot/library';
import type { SnapshotEntity } from '../../core/snapshot/entities';
import type { CommandId } from '../commandIds';
import type { Connection } from '../connections/connections';

export type RecordSource = { type: 'snapshot'; file: string } | { type: 'live'; connectionId: string };

export type ExplorerNode =
  | { kind: 'connection'; connection: Connection }
  | { kind: 'live'; connectionId: string }
  | { kind: 'snapshots'; connectionId: string }
  | { kind: 'snapshot'; listing: SnapshotListing; connectionId?: string }
  | { kind: 'entity'; source: RecordSource; entity: SnapshotEntity; count?: number }
  | { kind: 'record'; source: RecordSource; entity: SnapshotEntity; id: string; label: string; description?: string; expandable?: boolean }
  | { kind: 'more'; source: RecordSource; entity: SnapshotEntity; offset?: number; pageToken?: string }
  | { kind: 'message'; text: string; command?: { id: CommandId; args: unknown[] } };

export { EXPLORER_ENTITIES } from '../../core/entities';
export const PAGE_SIZE = 50;
