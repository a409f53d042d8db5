/**
 * What the Keap Vault explorer shows, as plain data: the provider turns nodes into tree items and
 * children; commands receive nodes back from menus (contextValue keys the `viewItem ==` menus).
 */
import type { SnapshotListing } from '../../core/snapshot/library';
import type { SnapshotEntity } from '../../core/snapshot/entities';
import type { CommandId } from '../commandIds';
import type { ConnectionProblem } from '../connections/connectionWords';
import type { Connection } from '../connections/connections';

export type RecordSource = { type: 'snapshot'; file: string } | { type: 'live'; connectionId: string };

export type ExplorerNode =
  /** `problem`: why it cannot reach its account, as known when the tree was drawn. */
  | { kind: 'connection'; connection: Connection; problem?: ConnectionProblem }
  | { kind: 'live'; connectionId: string }
  | { kind: 'snapshots'; connectionId: string }
  | { kind: 'snapshot'; listing: SnapshotListing; connectionId?: string }
  /** `count`: in the snapshot, or (live) in the latest snapshot, taken at `countAt`. */
  | { kind: 'entity'; source: RecordSource; entity: SnapshotEntity; count?: number; countAt?: string }
  /** `spoken`: the record in words, for a screen reader and the tooltip. */
  | {
      kind: 'record';
      source: RecordSource;
      entity: SnapshotEntity;
      id: string;
      label: string;
      description?: string;
      spoken?: string;
      expandable?: boolean;
    }
  | { kind: 'more'; source: RecordSource; entity: SnapshotEntity; offset?: number; pageToken?: string }
  /** A line instead of records: an invitation (with its command), or what went wrong (`warning`, with the fix as its command). */
  | { kind: 'message'; text: string; command?: { id: CommandId; args: unknown[] }; warning?: boolean; tooltip?: string };

export { EXPLORER_ENTITIES } from '../../core/entities';
export const PAGE_SIZE = 50;
