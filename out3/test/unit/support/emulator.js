"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startTestAccount = startTestAccount;
exports.closeTestAccounts = closeTestAccounts;
exports.addContacts = addContacts;
exports.collect = collect;
/** Starts emulators on loopback for tests and gives a client for each; everything is closed after. */
const client_1 = require("../../../src/core/keap/client");
const emulator_1 = require("../../../src/emulator");
const store_1 = require("../../../src/emulator/store");
const running = [];
/** An emulator without quotas unless asked, and a client that does not pace. */
async function startTestAccount(options = {}, clientOptions = {}) {
    const store = options.store ?? new store_1.EmulatorStore();
    const emulator = await (0, emulator_1.startEmulator)({ quota: emulator_1.UNLIMITED_QUOTA, ...options, store });
    running.push(emulator);
    const client = new client_1.KeapClient({
        baseUrl: emulator.apiBaseUrl,
        credential: { kind: 'api-key', key: emulator.token },
        throttle: 'unlimited',
        retryBaseMs: 5,
        ...clientOptions,
    });
    return { emulator, client, store };
}
async function closeTestAccounts() {
    await Promise.all(running.splice(0).map((e) => e.close()));
}
/** A contact as the store keeps it, for tests that need many quickly. */
function addContacts(store, count, prefix = 'c') {
    const ids = [];
    for (let i = 0; i < count; i++) {
        ids.push(store.createContact({ given_name: `${prefix}${i}`, email_addresses: [{ email: `${prefix}${i}@example.test` }] }).record.id);
    }
    return ids;
}
async function collect(source) {
    const out = [];
    for await (const item of source)
        out.push(item);
    return out;
}
//# sourceMappingURL=emulator.js.map