/**
 * The relationship view of an order (contact -> order -> items -> products, payments, subscriptions)
 * as data: built by the host from a snapshot (extension/recordCard/orderRelations.ts), drawn by
 * graphView.ts in the record card and in the restore preview. Types only: both sides import it.
 */

/** The kinds of record the view draws; `items` are an order's lines (no record of their own in Keap). */
export type RelationKind = 'contacts' | 'orders' | 'items' | 'products' | 'payments' | 'subscriptions';

/**
 * Where a record stands, in words and as a class for its border and icon:
 * `snapshot` (read from a snapshot, no restore in view), `live` (in the account: as it is, or matched),
 * `create` (a restore will create it), `created` (created, with its new id), `update`, `decide`
 * (a likely duplicate: needs the person's decision), `blocked` (cannot be restored), `none` (not in the plan).
 */
export type RelationState = 'snapshot' | 'live' | 'create' | 'created' | 'update' | 'decide' | 'blocked' | 'failed' | 'none';

export interface RelationNode {
  /** `entity:id` in the snapshot (the plan's step id for a restorable record); items: `items:<order>:<n>`. */
  key: string;
  kind: RelationKind;
  /** The record's id in the snapshot (absent for items). */
  id?: string;
  /** "Megan Wilson", "Order #240", "2 × Yoga Mat" (CRM text: drawn as text only). */
  title: string;
  /** One line of particulars: "$401.50 · 6 Dec 2023". */
  detail?: string;
  state?: RelationState;
  /** The state in words: "Exists in the account as #77", "Will be created", "Created as #912". */
  stateText?: string;
  /** The id Keap gave it when a restore created it, or the live record it matched. */
  liveId?: string;
  /** Named by the order only: the snapshot has no record of its own for it. */
  absent?: boolean;
}

export interface RelationEdge {
  from: string;
  to: string;
  /** What ties them, in words: "bought", "sells", "paid by", "subscribes to". */
  label: string;
}

export interface RelationGraph {
  /** "Relationships of order #240". */
  title: string;
  nodes: RelationNode[];
  edges: RelationEdge[];
}
