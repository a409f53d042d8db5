import assert from 'node:assert/strict';
import { addContacts, closeTestAccounts, collect, startTestAccount } from '../support/emulator';

describe('Keap client paging against the emulator', () => {
  after(closeTestAccounts);

  for (const size of [0, 1, 1000, 1001, 10_000]) {
    it(`returns every one of ${size} contacts exactly once`, async () => {
      const { client, store, emulator } = await startTestAccount();
      const ids = addContacts(store, size);
      const seen = (await collect(client.contacts.list())).map((c) => Number(c.id));
      assert.equal(seen.length, size);
      assert.equal(new Set(seen).size, size);
      assert.deepEqual(
        [...seen].sort((a, b) => a - b),
        ids,
      );
      // At the largest page size Keap allows: ceil(N / 1000) requests, one for an empty list.
      assert.equal(emulator.stats().byRoute['GET /v2/contacts'], Math.max(1, Math.ceil(size / 1000)));
    });
  }

  it('pages with a small page size and a sort order without skipping or repeating', async () => {
    const { client, store } = await startTestAccount();
    addContacts(store, 53);
    const byEmailDesc = await collect(client.contacts.list({ pageSize: 7, orderBy: 'email desc' }));
    const emails = byEmailDesc.map((c) => c.email_addresses?.[0]?.email ?? '');
    assert.equal(new Set(emails).size, 53);
    assert.deepEqual(emails, [...emails].sort().reverse());
  });

  it('neither skips nor repeats records when others are created and deleted between pages', async () => {
    const { client, store } = await startTestAccount();
    const ids = addContacts(store, 30);
    const seen: number[] = [];
    let page = 0;
    for await (const p of client.contacts.pages({ pageSize: 10 })) {
      seen.push(...p.items.map((c) => Number(c.id)));
      if (page++ === 0) {
        store.deleteContact(ids[2]); // already read
        store.deleteContact(ids[25]); // not read yet: must not appear
        addContacts(store, 1, 'late'); // created after the start: appears at the end
      }
    }
    const expected = ids.filter((id) => id !== ids[25]).concat(ids[29] + 1);
    assert.deepEqual(seen, expected);
  });

  it('resumes from a saved page token', async () => {
    const { client, store } = await startTestAccount();
    addContacts(store, 25);
    const pages = client.contacts.pages({ pageSize: 10 });
    const first = (await pages.next()).value!;
    await pages.return(undefined);
    const rest = await collect(client.contacts.list({ pageSize: 10, pageToken: first.nextPageToken }));
    assert.deepEqual(
      [...first.items, ...rest].map((c) => c.given_name),
      Array.from({ length: 25 }, (_, i) => `c${i}`),
    );
  });

  it('rejects a page token used with a different filter', async () => {
    const { client, store } = await startTestAccount();
    addContacts(store, 5);
    const first = (await client.contacts.pages({ pageSize: 2 }).next()).value!;
    await assert.rejects(
      collect(client.contacts.list({ pageSize: 2, pageToken: first.nextPageToken, filter: 'given_name==c*' })),
      /different filter/,
    );
  });
});
