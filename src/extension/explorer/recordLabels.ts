/** One-line labels for records in the tree (data shown as text; the tree never renders HTML). */
import type { KeapContact, KeapOrder } from '../../core/model';
import type { SnapshotEntity } from '../../core/snapshot/entities';

type Json = Record<string, unknown>;

export function recordLabel(entity: SnapshotEntity, record: Json): { label: string; description?: string } {
  switch (entity) {
    case 'orders': {
      const o = record as KeapOrder;
      const who =
        [o.contact?.given_name, o.contact?.family_name].filter(Boolean).join(' ') || o.contact?.email || `contact ${o.contact?.id ?? '?'}`;
      return { label: `#${o.id} ${who}`, description: `${o.total?.formatted_amount ?? ''} ${o.status ?? ''}`.trim() };
    }
    case 'contacts': {
      const c = record as KeapContact;
      const name = [c.given_name, c.family_name].filter(Boolean).join(' ');
      return {
        label: name || c.email_addresses?.[0]?.email || `#${c.id}`,
        description: `#${c.id} ${name ? (c.email_addresses?.[0]?.email ?? '') : ''}`.trim(),
      };
    }
    case 'companies':
      return { label: String(record.company_name ?? `#${record.id}`), description: `#${record.id}` };
    case 'products':
      return {
        label: String(record.name ?? `#${record.id}`),
        description: [record.sku, (record.price as Json | undefined)?.formatted_amount].filter(Boolean).join(' '),
      };
    case 'payments':
      return {
        label: `Payment #${record.id}`,
        description: `$${Number(record.amount ?? 0).toFixed(2)} ${String(record.payment_time ?? '').slice(0, 10)}`,
      };
    case 'tags':
      return { label: String(record.name ?? `#${record.id}`), description: `#${record.id}` };
    default:
      return {
        label: String(record.name ?? record.label ?? record.title ?? `#${record.id ?? '?'}`),
        description: record.id ? `#${record.id}` : undefined,
      };
  }
}
