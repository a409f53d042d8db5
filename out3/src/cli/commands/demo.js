"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerDemoCommand = registerDemoCommand;
const client_1 = require("../../core/keap/client");
const emulator_1 = require("../../emulator");
const output_1 = require("../output");
const orders_1 = require("./orders");
const emulator_2 = require("./emulator");
/**
 * The README's first command: a seeded emulator on loopback, read through the real client over
 * HTTP with Keap's quota in force, so a new user sees the whole path work without an account.
 */
function registerDemoCommand(program, io) {
    program
        .command('demo')
        .description('start the Keap emulator with demo data and read a few orders through the Keap client')
        .option('--size <contacts>', 'contacts in the demo account', '200')
        .option('--orders <n>', 'orders to show', '8')
        .action(async (flags) => {
        const emulator = await (0, emulator_1.startSeededEmulator)({ seed: 'demo', size: (0, emulator_2.intFlag)(flags.size, '--size') });
        try {
            io.out(`Keap emulator on ${emulator.apiBaseUrl} (Keap's quota for a personal access token: 10/s, 240/min)`);
            const client = new client_1.KeapClient({ baseUrl: emulator.apiBaseUrl, credential: { kind: 'api-key', key: emulator.token } });
            const ping = await client.ping();
            io.out(`Credential accepted in ${ping.ms} ms.`);
            const limit = (0, emulator_2.intFlag)(flags.orders, '--orders');
            const orders = await (0, orders_1.firstOrders)(client.orders.list({ orderBy: 'order_time desc', pageSize: Math.max(1, limit) }), limit);
            io.out(`\nThe ${orders.length === 1 ? 'most recent' : `${orders.length} most recent`} of ${(0, output_1.counted)(emulator.store.orders.size, 'order')}:`);
            (0, orders_1.printOrderTable)(io, orders);
            const stats = emulator.stats();
            io.out(`\n${(0, output_1.counted)(stats.accepted, 'request')}, ${stats.throttled.toLocaleString('en-US')} throttled. Run your own: keap-vault emulator --help`);
        }
        finally {
            await emulator.close();
        }
    });
}
//# sourceMappingURL=demo.js.map