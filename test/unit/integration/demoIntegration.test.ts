import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findKeapIds } from '../../../src/core/integration/recognize';
import { KeapClient } from '../../../src/core/keap/client';
import { startSeededEmulator, UNLIMITED_QUOTA, type RunningEmulator } from '../../../src/emulator';
import { DEMO_ACCOUNT, DEMO_INTEGRATION } from '../../../src/extension/demoAccount';

// Compiled to out/test/unit/integration/: the sample is in the source tree.
const SAMPLE = path.resolve(__dirname, '../../../..', ...DEMO_INTEGRATION.source);

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    out.push(...(entry.isDirectory() ? await files(full) : [full]));
  }
  return out;
}

describe('the demo integration project', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let client: KeapClient;

  before(async () => {
    emulator = await startSeededEmulator({
      seed: DEMO_ACCOUNT.seed,
      size: DEMO_ACCOUNT.size,
      plant: DEMO_ACCOUNT.plant,
      port: 0,
      quota: UNLIMITED_QUOTA,
    });
    client = new KeapClient({ baseUrl: emulator.apiBaseUrl, credential: { kind: 'api-key', key: emulator.token }, throttle: 'unlimited' });
  });
  after(() => emulator.close());

  it('holds exactly the ids it says, as the recognizer reads them', async () => {
    const found: Record<string, Set<string>> = {};
    for (const file of await files(SAMPLE))
      for (const o of findKeapIds(await fs.readFile(file, 'utf8'), { fileName: file })) (found[o.kind] ??= new Set()).add(o.id);
    const sorted = (r: Record<string, Iterable<string>>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort((a, b) => Number(a) - Number(b))]));
    assert.deepEqual(sorted(found), sorted(DEMO_INTEGRATION.ids));
  });

  it('names records of the demo account: its orders (paid, to be lost), their contacts, invoice, products and tags', async () => {
    for (const id of DEMO_INTEGRATION.lostOrders) {
      const order = await client.orders.get(id);
      assert.equal(order.id, id);
      assert.equal(order.status, 'PAID', `order ${id} has payments, so its restore writes them too`);
    }
    const six = await client.orders.get('6');
    assert.equal(six.contact?.id, '12');
    assert.equal(six.invoice_id, '30006');
    assert.equal((await client.orders.get('10')).contact?.id, '21');
    for (const id of DEMO_INTEGRATION.ids.contact) assert.equal((await client.contacts.get(id)).id, id);
    for (const id of DEMO_INTEGRATION.ids.product) assert.equal((await client.products.get(id)).id, id);
    for (const id of DEMO_INTEGRATION.ids.tag) assert.equal((await client.tags.get(id)).id, id);
  });
});
