/**
 * The words of each explorer row: a short label and description that fit the default sidebar, the
 * rest in the tooltip, and what a screen reader says (`spoken`, the item's accessibility label: each
 * row its own sentence, never a tooltip shared by nine rows, never "orders 240"). No vscode import,
 * so unit tests read them; explorerProvider.ts adds icons, commands and context values.
 */
import { entityNoun } from '../../core/entities';
import type { Json } from '../../core/entities/define';
import type { KeapOrderItem } from '../../core/model';
import { formatCurrencyValue } from '../../core/money';
import type { SnapshotEntity } from '../../core/snapshot/entities';
import type { SnapshotListing } from '../../core/snapshot/library';
import { placeOf, problemText, type ConnectionProblem } from '../connections/connectionWords';
import { recordLabel } from './recordLabels';
import { fileSize, localDate, localDateTime, spokenDateTime } from '../localFormat';

export interface ItemText {
  label: string;
  description?: string;
  tooltip?: string;
  /** The accessibility label. */
  spoken: string;
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const count = (n: number) => n.toLocaleString('en-US');

export function connectionText(connection: { name: string; baseUrl: string; demo?: boolean }, problem?: ConnectionProblem): ItemText {
  const where = placeOf(connection);
  if (problem) {
    const { short, sentence } = problemText(problem, connection.name);
    return { label: connection.name, description: short, tooltip: sentence, spoken: `Connection ${connection.name}: ${sentence}` };
  }
  return {
    label: connection.name,
    description: where,
    tooltip: `${connection.name}\n${connection.demo ? 'The Keap emulator with demo data, on this machine' : connection.baseUrl}`,
    spoken: `Connection ${connection.name}, ${where}`,
  };
}

export const LIVE_TEXT: ItemText = {
  label: 'Live',
  description: 'read from Keap',
  tooltip: 'The account as it is now, read from Keap 50 records a page when you expand a list.',
  spoken: 'Live account, read from Keap when expanded',
};

export const SNAPSHOTS_TEXT: ItemText = { label: 'Snapshots', spoken: 'Snapshots of this account' };

export function snapshotText(listing: Pick<SnapshotListing, 'meta' | 'bytes' | 'encrypted' | 'file'>, locale: string): ItemText {
  const { meta, bytes, encrypted } = listing;
  const orders = `${count(meta.counts.orders ?? 0)} orders`;
  const counts = `${orders}, ${count(meta.counts.contacts ?? 0)} contacts`;
  const traits = [fileSize(bytes), encrypted ? 'encrypted' : undefined, meta.incrementalFrom ? 'incremental' : undefined].filter(Boolean);
  return {
    label: localDateTime(meta.finishedAt, locale),
    // The date and the orders fit a sidebar; the rest is in the tooltip.
    description: orders,
    tooltip: `Snapshot of ${meta.account}, taken ${spokenDateTime(meta.finishedAt, locale)}\n${counts}; ${traits.join(', ')}\n${listing.file}`,
    spoken: `Snapshot taken ${spokenDateTime(meta.finishedAt, locale)}, ${counts}, ${traits.join(', ')}`,
  };
}

/**
 * A list of one entity. Under Live, Keap gives no totals: the count shown is the latest snapshot's,
 * and the row says so in its own words (each Live row reads differently).
 */
export function entityText(
  entity: SnapshotEntity,
  where: 'live' | 'snapshot',
  n?: number,
  snapshotAt?: string,
  locale = 'en-US',
): ItemText {
  const many = entityNoun(entity).many;
  const label = capitalized(many);
  if (where === 'snapshot') {
    const description = n === undefined ? undefined : count(n);
    return { label, description, spoken: `${label}${description ? `, ${description}` : ''} in this snapshot` };
  }
  const known = n === undefined ? undefined : `${count(n)} at the last snapshot`;
  const since = snapshotAt ? ` of ${localDate(snapshotAt, locale)}` : '';
  return {
    label,
    description: known,
    tooltip:
      `${label} in Keap now, read 50 a page when you expand this.` +
      (known ? ` Keap's API gives no totals: ${count(n!)} is how many ${many} the snapshot${since} held.` : ''),
    spoken: `${label}, live from Keap${known ? `, ${known}` : ''}`,
  };
}

/** A record as its entity module reads it; `spoken` falls back to the noun, the label and the description in words. */
export function recordText(entity: SnapshotEntity, record: Json): ItemText {
  const { label, description, spoken } = recordLabel(entity, record);
  const said =
    spoken ??
    [`${capitalized(entityNoun(entity).one)} ${label.replace(/^#/, '')}`, description?.replace(/#(?=\w)/g, 'id ')]
      .filter(Boolean)
      .join(', ');
  return { label, description, tooltip: said, spoken: said };
}

/** An order's item, under the order: what was sold, how many, at what price. */
export function orderItemText(item: KeapOrderItem): ItemText {
  const name = item.name ?? item.product?.name ?? 'Item';
  const quantity = item.quantity ?? 1;
  const price = formatCurrencyValue(item.price_per_unit);
  const product = item.product?.id ? `product #${item.product.id}` : undefined;
  const spoken = [`Item ${name}`, `quantity ${quantity}`, price && `${price} each`, product?.replace('#', '')].filter(Boolean).join(', ');
  return { label: `${name} × ${quantity}`, description: [price, product].filter(Boolean).join(' · '), tooltip: spoken, spoken };
}

export function moreText(entity: SnapshotEntity): ItemText {
  return { label: 'Load more…', spoken: `Load 50 more ${entityNoun(entity).many}` };
}

/** A row standing for something that went wrong: short enough to read whole, the full message in the tooltip. */
export function problemRowText(message: string, short?: string): ItemText {
  const label = short ?? (message.length > 60 ? `${message.slice(0, 57).trimEnd()}…` : message);
  return { label, tooltip: message, spoken: message };
}
