/**
 * What a record is when its file does not say, from fields only that kind of Keap record has
 * (responses and create requests alike). Anything else is left undecided rather than guessed.
 */
import type { SnapshotEntity } from '../../snapshot/entities';

const has = (record: Record<string, unknown>, keys: readonly string[]) => keys.some((k) => record[k] !== undefined);

export function inferEntity(record: Record<string, unknown>): SnapshotEntity | undefined {
  if (has(record, ['order_items', 'order_title', 'order_time'])) return 'orders';
  if (has(record, ['subscription_plan_id'])) return 'subscriptions';
  // Transactions carry order_ids like payments; their own fields keep them from being called payments.
  if (has(record, ['transaction_time', 'transaction_method'])) return 'transactions';
  if (has(record, ['payment_amount', 'payment_time', 'order_ids', 'pay_time'])) return 'payments';
  if (has(record, ['email_addresses', 'given_name'])) return 'contacts';
  return undefined;
}
