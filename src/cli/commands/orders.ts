import type { Command } from 'commander';
import type { KeapOrder } from '../../core/model';
import { formatCurrencyValue } from '../../core/money';
import { clientFromFlags, type ConnectionFlags } from '../connection';
import { printJson, printTable, type Io } from '../output';
import { intFlag } from './emulator';

export function registerOrdersCommand(program: Command, io: Io): void {
  program
    .command('orders')
    .description('list orders from the live account (most recent first)')
    .option('--limit <n>', 'how many', '10')
    .option('--contact <id>', 'only this contact')
    .option('--json', 'machine-readable output')
    .action(async (flags: { limit: string; contact?: string; json?: boolean }, command: Command) => {
      const client = clientFromFlags(command.optsWithGlobals<ConnectionFlags>());
      const limit = intFlag(flags.limit, '--limit');
      const orders = await firstOrders(
        client.orders.list({
          orderBy: 'order_time desc',
          pageSize: Math.min(1000, Math.max(1, limit)),
          filter: flags.contact ? `contact_id==${intFlag(flags.contact, '--contact')}` : undefined,
        }),
        limit,
      );
      if (flags.json) return printJson(io, orders);
      printOrderTable(io, orders);
    });
}

export function printOrderTable(io: Io, orders: KeapOrder[]): void {
  printTable(
    io,
    ['ORDER', 'INVOICE', 'DATE', 'CONTACT', 'ITEMS', 'TOTAL', 'PAID', 'STATUS'],
    orders.map((o) => [
      o.id,
      o.invoice_id,
      o.order_time?.slice(0, 10),
      [o.contact?.given_name, o.contact?.family_name].filter(Boolean).join(' ') || o.contact?.email || o.contact?.id,
      o.order_items?.length ?? 0,
      formatCurrencyValue(o.total),
      formatCurrencyValue(o.total_paid),
      o.status,
    ]),
  );
}

/** The first `limit` items of a list, without reading further pages than needed. */
export async function firstOrders(source: AsyncIterable<KeapOrder>, limit: number): Promise<KeapOrder[]> {
  const out: KeapOrder[] = [];
  if (limit === 0) return out;
  for await (const order of source) {
    out.push(order);
    if (out.length >= limit) break;
  }
  return out;
}
