"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerOrdersCommand = registerOrdersCommand;
exports.printOrderTable = printOrderTable;
exports.firstOrders = firstOrders;
const money_1 = require("../../core/money");
const connection_1 = require("../connection");
const output_1 = require("../output");
const emulator_1 = require("./emulator");
function registerOrdersCommand(program, io) {
    program
        .command('orders')
        .description('list orders from the live account (most recent first)')
        .option('--limit <n>', 'how many', '10')
        .option('--contact <id>', 'only this contact')
        .option('--json', 'machine-readable output')
        .action(async (flags, command) => {
        const client = (0, connection_1.clientFromFlags)(command.optsWithGlobals());
        const limit = (0, emulator_1.intFlag)(flags.limit, '--limit');
        const orders = await firstOrders(client.orders.list({
            orderBy: 'order_time desc',
            pageSize: Math.min(1000, Math.max(1, limit)),
            filter: flags.contact ? `contact_id==${(0, emulator_1.intFlag)(flags.contact, '--contact')}` : undefined,
        }), limit);
        if (flags.json)
            return (0, output_1.printJson)(io, orders);
        printOrderTable(io, orders);
    });
}
function printOrderTable(io, orders) {
    (0, output_1.printTable)(io, ['ORDER', 'INVOICE', 'DATE', 'CONTACT', 'ITEMS', 'TOTAL', 'PAID', 'STATUS'], orders.map((o) => [
        o.id,
        o.invoice_id,
        o.order_time?.slice(0, 10),
        [o.contact?.given_name, o.contact?.family_name].filter(Boolean).join(' ') || o.contact?.email || o.contact?.id,
        o.order_items?.length ?? 0,
        (0, money_1.formatCurrencyValue)(o.total),
        (0, money_1.formatCurrencyValue)(o.total_paid),
        o.status,
    ]));
}
/** The first `limit` items of a list, without reading further pages than needed. */
async function firstOrders(source, limit) {
    const out = [];
    if (limit === 0)
        return out;
    for await (const order of source) {
        out.push(order);
        if (out.length >= limit)
            break;
    }
    return out;
}
//# sourceMappingURL=orders.js.map