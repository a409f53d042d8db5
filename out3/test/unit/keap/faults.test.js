"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const errors_1 = require("../../../src/core/keap/errors");
const filter_1 = require("../../../src/core/keap/filter");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const emulator_1 = require("../support/emulator");
describe('Faults: 10% of requests fail with 5xx, time out or are cut off mid-response', () => {
    after(emulator_1.closeTestAccounts);
    const faults = { rate: 0.1, seed: 7, delayMs: 400 };
    const client = { timeoutMs: 200, maxRetries: 8, retryBaseMs: 5 };
    it('every list still returns the complete, identical data', async function () {
        this.timeout(60_000);
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 3, size: 600 });
        const clean = await (0, emulator_1.startTestAccount)({ store });
        const faulty = await (0, emulator_1.startTestAccount)({ store, faults }, client);
        for (const name of [
            'contacts',
            'companies',
            'products',
            'orders',
            'payments',
            'transactions',
            'subscriptions',
            'tags',
            'campaigns',
        ]) {
            const list = (account) => (0, emulator_1.collect)(account.client[name].list({ pageSize: 20 }));
            const expected = await list(clean);
            const actual = await list(faulty);
            strict_1.default.deepEqual(actual, expected, name);
            strict_1.default.ok(expected.length > 0, `${name} is not empty`);
        }
        strict_1.default.ok(faulty.emulator.stats().faultsInjected >= 5, `faults were injected (${faulty.emulator.stats().faultsInjected})`);
    });
    it('a create hit by a fault is resolved by looking it up, never duplicated', async function () {
        this.timeout(60_000);
        const { client: keap, store, emulator } = await (0, emulator_1.startTestAccount)({ faults }, client);
        emulator.faults.configure({ rate: 0 });
        const { field } = await keap.customFields.ensure('ORDER', { label: 'Keap Vault Ref', field_type: 'TEXT' });
        const product = await keap.products.create({ name: 'P', price: 1000, short_description: 'p', sku: 'P-1' });
        emulator.faults.configure(faults);
        const created = new Set();
        for (let i = 0; i < 40; i++) {
            const email = `person${i}@example.test`;
            const contact = await keap.contacts.create({ given_name: `Person ${i}`, email_addresses: [{ email }] }, { verify: async () => (await (0, emulator_1.collect)(keap.contacts.list({ filter: (0, filter_1.filter)('email', '==', email) })))[0] });
            const marker = `test:${i}`;
            const order = await keap.orders.create({
                contact_id: contact.id,
                order_title: `Order ${i}`,
                order_time: '2026-01-01T00:00:00Z',
                order_type: 'OFFLINE',
                order_items: [{ product_id: product.id, quantity: 1 }],
                custom_fields: [{ id: field.id, content: marker }],
            }, { verify: async () => (await (0, emulator_1.collect)(keap.orders.list({ filter: (0, filter_1.filter)(field.field_name, '==', marker) })))[0] });
            await keap.orders.recordPayment(order.id, {
                payment_amount: 10,
                apply_to_commissions: false,
                payment_method_type: 'Cash',
                payment_time: '2026-01-02T00:00:00Z',
                notes: marker,
            });
            created.add(order.id);
        }
        strict_1.default.equal(store.contacts.size, 40, 'one contact per create');
        strict_1.default.equal(store.orders.size, 40, 'one order per create');
        strict_1.default.equal(store.payments.size, 40, 'one payment per order');
        strict_1.default.equal(created.size, 40);
        const faultsOnCreates = emulator.requests().filter((r) => r.fault && r.method === 'POST').length;
        strict_1.default.ok(faultsOnCreates > 5, `creates were hit by faults (${faultsOnCreates})`);
    });
    it('without a way to verify, a create with a lost answer is an uncertain-write error, not a retry', async () => {
        const { client: keap, store, emulator } = await (0, emulator_1.startTestAccount)({}, client);
        emulator.faults.configure({ rate: 1, kinds: ['reset'] });
        await strict_1.default.rejects(keap.contacts.create({ given_name: 'Once', email_addresses: [{ email: 'once@example.test' }] }), (err) => err instanceof errors_1.KeapUncertainWriteError && /may or may not have done it/.test(err.message));
        strict_1.default.equal(store.contacts.size, 1, 'the create happened exactly once');
    });
});
//# sourceMappingURL=faults.test.js.map