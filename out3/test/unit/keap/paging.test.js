"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const emulator_1 = require("../support/emulator");
describe('Keap client paging against the emulator', () => {
    after(emulator_1.closeTestAccounts);
    for (const size of [0, 1, 1000, 1001, 10_000]) {
        it(`returns every one of ${size} contacts exactly once`, async () => {
            const { client, store, emulator } = await (0, emulator_1.startTestAccount)();
            const ids = (0, emulator_1.addContacts)(store, size);
            const seen = (await (0, emulator_1.collect)(client.contacts.list())).map((c) => Number(c.id));
            strict_1.default.equal(seen.length, size);
            strict_1.default.equal(new Set(seen).size, size);
            strict_1.default.deepEqual([...seen].sort((a, b) => a - b), ids);
            // At the largest page size Keap allows: ceil(N / 1000) requests, one for an empty list.
            strict_1.default.equal(emulator.stats().byRoute['GET /v2/contacts'], Math.max(1, Math.ceil(size / 1000)));
        });
    }
    it('pages with a small page size and a sort order without skipping or repeating', async () => {
        const { client, store } = await (0, emulator_1.startTestAccount)();
        (0, emulator_1.addContacts)(store, 53);
        const byEmailDesc = await (0, emulator_1.collect)(client.contacts.list({ pageSize: 7, orderBy: 'email desc' }));
        const emails = byEmailDesc.map((c) => c.email_addresses?.[0]?.email ?? '');
        strict_1.default.equal(new Set(emails).size, 53);
        strict_1.default.deepEqual(emails, [...emails].sort().reverse());
    });
    it('neither skips nor repeats records when others are created and deleted between pages', async () => {
        const { client, store } = await (0, emulator_1.startTestAccount)();
        const ids = (0, emulator_1.addContacts)(store, 30);
        const seen = [];
        let page = 0;
        for await (const p of client.contacts.pages({ pageSize: 10 })) {
            seen.push(...p.items.map((c) => Number(c.id)));
            if (page++ === 0) {
                store.deleteContact(ids[2]); // already read
                store.deleteContact(ids[25]); // not read yet: must not appear
                (0, emulator_1.addContacts)(store, 1, 'late'); // created after the start: appears at the end
            }
        }
        const expected = ids.filter((id) => id !== ids[25]).concat(ids[29] + 1);
        strict_1.default.deepEqual(seen, expected);
    });
    it('resumes from a saved page token', async () => {
        const { client, store } = await (0, emulator_1.startTestAccount)();
        (0, emulator_1.addContacts)(store, 25);
        const pages = client.contacts.pages({ pageSize: 10 });
        const first = (await pages.next()).value;
        await pages.return(undefined);
        const rest = await (0, emulator_1.collect)(client.contacts.list({ pageSize: 10, pageToken: first.nextPageToken }));
        strict_1.default.deepEqual([...first.items, ...rest].map((c) => c.given_name), Array.from({ length: 25 }, (_, i) => `c${i}`));
    });
    it('rejects a page token used with a different filter', async () => {
        const { client, store } = await (0, emulator_1.startTestAccount)();
        (0, emulator_1.addContacts)(store, 5);
        const first = (await client.contacts.pages({ pageSize: 2 }).next()).value;
        await strict_1.default.rejects((0, emulator_1.collect)(client.contacts.list({ pageSize: 2, pageToken: first.nextPageToken, filter: 'given_name==c*' })), /different filter/);
    });
});
//# sourceMappingURL=paging.test.js.map