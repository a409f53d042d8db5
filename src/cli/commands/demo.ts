import type { Command } from 'commander';
import { KeapClient } from '../../core/keap/client';
import { startSeededEmulator } from '../../emulator';
import { counted, type Io } from '../output';
import { firstOrders, printOrderTable } from './orders';
import { intFlag } from './emulator';

/**
 * The README's first command: a seeded emulator on loopback, read through the real client over
 * HTTP with Keap's quota in force, so a new user sees the whole path work without an account.
 */
export function registerDemoCommand(program: Command, io: Io): void {
  program
    .command('demo')
    .description('start the Keap emulator with demo data and read a few orders through the Keap client')
    .option('--size <contacts>', 'contacts in the demo account', '200')
    .option('--orders <n>', 'orders to show', '8')
    .action(async (flags: { size: string; orders: string }) => {
      const emulator = await startSeededEmulator({ seed: 'demo', size: intFlag(flags.size, '--size') });
      try {
        io.out(`Keap emulator on ${emulator.apiBaseUrl} (Keap's quota for a personal access token: 10/s, 240/min)`);
        const client = new KeapClient({ baseUrl: emulator.apiBaseUrl, credential: { kind: 'api-key', key: emulator.token } });
        const ping = await client.ping();
        io.out(`Credential accepted in ${ping.ms} ms.`);
        const limit = intFlag(flags.orders, '--orders');
        const orders = await firstOrders(client.orders.list({ orderBy: 'order_time desc', pageSize: Math.max(1, limit) }), limit);
        io.out(
          `\nThe ${orders.length === 1 ? 'most recent' : `${orders.length} most recent`} of ${counted(emulator.store.orders.size, 'order')}:`,
        );
        printOrderTable(io, orders);
        const stats = emulator.stats();
        io.out(
          `\n${counted(stats.accepted, 'request')}, ${stats.throttled.toLocaleString('en-US')} throttled. Run your own: keap-vault emulator --help`,
        );
      } finally {
        await emulator.close();
      }
    });
}
