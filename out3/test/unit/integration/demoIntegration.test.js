"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const recognize_1 = require("../../../src/core/integration/recognize");
const client_1 = require("../../../src/core/keap/client");
const emulator_1 = require("../../../src/emulator");
const demoAccount_1 = require("../../../src/extension/demoAccount");
// Compiled to out/test/unit/integration/: the sample is in the source tree.
const SAMPLE = node_path_1.default.resolve(__dirname, '../../../..', ...demoAccount_1.DEMO_INTEGRATION.source);
async function files(dir) {
    const out = [];
    for (const entry of await node_fs_1.promises.readdir(dir, { withFileTypes: true })) {
        const full = node_path_1.default.join(dir, entry.name);
        out.push(...(entry.isDirectory() ? await files(full) : [full]));
    }
    return out;
}
describe('the demo integration project', function () {
    this.timeout(60_000);
    let emulator;
    let client;
    before(async () => {
        emulator = await (0, emulator_1.startSeededEmulator)({
            seed: demoAccount_1.DEMO_ACCOUNT.seed,
            size: demoAccount_1.DEMO_ACCOUNT.size,
            plant: demoAccount_1.DEMO_ACCOUNT.plant,
            port: 0,
            quota: emulator_1.UNLIMITED_QUOTA,
        });
        client = new client_1.KeapClient({ baseUrl: emulator.apiBaseUrl, credential: { kind: 'api-key', key: emulator.token }, throttle: 'unlimited' });
    });
    after(() => emulator.close());
    it('holds exactly the ids it says, as the recognizer reads them', async () => {
        const found = {};
        for (const file of await files(SAMPLE))
            for (const o of (0, recognize_1.findKeapIds)(await node_fs_1.promises.readFile(file, 'utf8'), { fileName: file }))
                (found[o.kind] ??= new Set()).add(o.id);
        const sorted = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort((a, b) => Number(a) - Number(b))]));
        strict_1.default.deepEqual(sorted(found), sorted(demoAccount_1.DEMO_INTEGRATION.ids));
    });
    it('names records of the demo account: its orders (paid, to be lost), their contacts, invoice, products and tags', async () => {
        for (const id of demoAccount_1.DEMO_INTEGRATION.lostOrders) {
            const order = await client.orders.get(id);
            strict_1.default.equal(order.id, id);
            strict_1.default.equal(order.status, 'PAID', `order ${id} has payments, so its restore writes them too`);
        }
        const six = await client.orders.get('6');
        strict_1.default.equal(six.contact?.id, '12');
        strict_1.default.equal(six.invoice_id, '30006');
        strict_1.default.equal((await client.orders.get('10')).contact?.id, '21');
        for (const id of demoAccount_1.DEMO_INTEGRATION.ids.contact)
            strict_1.default.equal((await client.contacts.get(id)).id, id);
        for (const id of demoAccount_1.DEMO_INTEGRATION.ids.product)
            strict_1.default.equal((await client.products.get(id)).id, id);
        for (const id of demoAccount_1.DEMO_INTEGRATION.ids.tag)
            strict_1.default.equal((await client.tags.get(id)).id, id);
    });
});
//# sourceMappingURL=demoIntegration.test.js.map