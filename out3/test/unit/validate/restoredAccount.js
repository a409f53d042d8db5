"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.restoredAccount = restoredAccount;
const store_1 = require("../../../src/emulator/store");
/**
 * An account a restore wrote into: the clock is the restore's day, so contacts created now are
 * newer than the orders dated in 2024 that were restored onto them.
 */
function restoredAccount() {
    const store = new store_1.EmulatorStore();
    store.clock = () => new Date('2026-10-01T09:00:00.000Z');
    const product = store.createProduct({
        name: 'Course',
        price_cents: 5000,
        active: true,
        short_description: '',
        shippable: false,
        taxable: false,
        subscription_only: false,
        extra: {},
    });
    let emails = 0;
    const contact = (custom) => store.createContact({ given_name: 'Ada', email_addresses: [{ email: `ada${emails++}@example.test` }], custom }).record.id;
    const order = (contactId, custom, quantity = 1) => store.createOrder({
        contact_id: contactId,
        title: 'Course',
        order_type: 'OFFLINE',
        order_time: '2024-03-05T10:00:00.000Z',
        items: [{ product_id: product.id, quantity }],
        custom,
    }).id;
    return { store, contact, order };
}
//# sourceMappingURL=restoredAccount.js.map