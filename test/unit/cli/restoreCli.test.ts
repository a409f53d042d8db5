import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { captureIo } from '../support/cliIo';
import { applyDisaster } from '../../../src/emulator/disasters';
import { generateAccount } from '../../../src/emulator/generator';
import { EmulatorStore } from '../../../src/emulator/store';
import { closeTestAccounts, startTestAccount } from '../support/emulator';
import { tempDir } from '../support/snapshots';
import { retypeOrder } from '../support/handEdits';

describe('keap-vault plan / apply / idmap', function () {
  this.timeout(120_000);
  const saved = { ...process.env };
  after(async () => {
    process.env = { ...saved };
    await closeTestAccounts();
  });

  it('names the flags that settle what the plan cannot decide alone (a likely duplicate order, a subscription that started in the past)', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'cli-hints', size: 60 });
    store.clock = () => new Date('2026-11-26T12:00:00Z');
    const { emulator, client } = await startTestAccount({ store });
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = emulator.token;
    const dir = tempDir();
    const snapshot = path.join(dir, 'before.kvsnap');
    assert.equal(await runCli(['--unlimited', 'snapshot', '--out', snapshot], captureIo()), 0);
    const order = [...store.orders.values()].find((o) => store.paymentsOf(o.id).length === 0 && o.items.length > 0)!;
    store.removeOrder(order.id);
    // Re-entered by hand: same contact, date, items and total, a new id.
    await retypeOrder(client, order);
    // A contact with an active subscription lost, subscription and all (it started before today).
    const subscribed = [...store.subscriptions.values()].find((s) => s.active && s.contact_id !== order.contact_id)!;
    store.deleteContact(subscribed.contact_id);

    const planned = captureIo();
    assert.equal(await runCli(['--unlimited', 'plan', snapshot, '--out', path.join(dir, 'plan.json')], planned), 0);
    const text = planned.stdout.join('\n');
    assert.match(text, new RegExp(`^! orders:${order.id} conflict \\(likely-duplicate\\)`, 'm'));
    assert.match(
      text,
      new RegExp(
        `^    -> if the live order is this order, plan again with --link orders:${order.id}; if it is a different order, with --create-anyway orders:${order.id}$`,
        'm',
      ),
    );
    const pastStart = text.split('\n').findIndex((l) => / \(past-start-date\)/.test(l));
    assert.ok(pastStart >= 0, 'the lost contacts had subscriptions that started in the past');
    assert.match(text.split('\n')[pastStart + 1], /^ {4}-> .*plan again with --subscriptions-start-today$/);
    assert.doesNotMatch(text, /accept "starts today"/, 'no words of the preview on the command line');

    // The receipt lists what the plan left undone with the same ways on.
    const applied = captureIo();
    await runCli(['--unlimited', 'apply', path.join(dir, 'plan.json')], applied);
    const receipt = applied.stdout.join('\n').split('\n');
    const held = receipt.findIndex((l) => l.startsWith(`  not applied orders:${order.id} (conflict)`));
    assert.ok(held >= 0, receipt.join('\n'));
    assert.match(receipt[held + 1], new RegExp(`^ {4}-> .*--link orders:${order.id}; .*--create-anyway orders:${order.id}$`));
    const blocked = receipt.findIndex((l) => / \(blocked\): .*started in the past/.test(l));
    assert.ok(blocked >= 0, receipt.join('\n'));
    assert.match(receipt[blocked + 1], /^ {4}-> .*--subscriptions-start-today$/);
  });

  it('plans with a readable summary, applies, and exports the id map', async () => {
    const store = new EmulatorStore();
    generateAccount(store, { seed: 'cli-restore', size: 60 });
    store.clock = () => new Date('2026-11-26T12:00:00Z');
    const { emulator } = await startTestAccount({ store });
    process.env.KEAP_API_URL = emulator.apiBaseUrl;
    process.env.KEAP_API_KEY = emulator.token;
    const dir = tempDir();
    const snapshot = path.join(dir, 'before.kvsnap');
    assert.equal(await runCli(['--unlimited', 'snapshot', '--out', snapshot], captureIo()), 0);
    const lost = applyDisaster(store, { kind: 'delete-contacts', count: 3, seed: 2 });

    const planFile = path.join(dir, 'plan.json');
    const planned = captureIo();
    assert.equal(await runCli(['--unlimited', 'plan', snapshot, '--out', planFile], planned), 0);
    const text = planned.stdout.join('\n');
    assert.match(text, /^Plan: \d+ to create, 0 to update, \d+ unchanged, 0 different but not updated, 0 in conflict, \d+ blocked\.$/m);
    for (const id of lost.affected.contacts) assert.match(text, new RegExp(`^\\+ contacts:${id} create \\(missing-in-live\\)`, 'm'));
    assert.match(text, /^\+ custom_fields:marker:ORDER create \(marker-field-missing\)/m);
    assert.match(text, /Purchase" automation triggers/);
    assert.match(
      text,
      /^Applying it: about \d+ requests; no quota is known for this connection\.$/m,
      'the estimate (--unlimited: no quota)',
    );

    const applied = captureIo();
    assert.equal(await runCli(['--unlimited', 'apply', planFile], applied), 0);
    assert.match(
      applied.stdout.join('\n'),
      /^Applied plan .*: \d+ created, 0 updated, 0 already in Keap \(linked, nothing sent\), \d+ skipped, 0 found already done after an interruption, 0 held as conflicts, 0 failed/m,
    );
    assert.match(
      applied.stdout.join('\n'),
      /Verification: \d+ records? written re-read: every field a client can set matches the snapshot\./,
    );
    assert.equal(store.contacts.size, 60);

    const ledgerFile = path.join(dir, 'keap-emulator.keap-vault.local.kvledger');
    const csv = captureIo();
    assert.equal(await runCli(['idmap', ledgerFile], csv), 0);
    const lines = csv.stdout.join('\n').split(/\r?\n/);
    assert.equal(lines[0], 'entity,old_id,new_id,plan_id,restored_at');
    for (const id of lost.affected.contacts)
      assert.ok(
        lines.some((l) => l.startsWith(`contacts,${id},`)),
        `contact ${id} in the id map`,
      );
    const json = captureIo();
    assert.equal(await runCli(['idmap', 'emulator.keap-vault.local', '--dir', dir, '--format', 'json'], json), 0);
    assert.ok(JSON.parse(json.stdout.join('\n')).length >= lost.affected.contacts.length);
    // Named as the ledger file is (keap-<account>), the account is found too.
    const byFileName = captureIo();
    assert.equal(await runCli(['idmap', 'keap-emulator.keap-vault.local', '--dir', dir, '--format', 'json'], byFileName), 0);
    assert.deepEqual(JSON.parse(byFileName.stdout.join('\n')), JSON.parse(json.stdout.join('\n')));

    // A plan made before a change to the account is refused as stale.
    applyDisaster(store, { kind: 'delete-paid-orders', count: 1, seed: 9 });
    const stalePlan = path.join(dir, 'stale.json');
    assert.equal(await runCli(['--unlimited', 'plan', snapshot, '--out', stalePlan], captureIo()), 0);
    // The buyer of the order to restore: the plan relies on it (listed, or counted as identical under its own id).
    type Step = { id: string; entity: string; action: string; liveId?: string; refs?: Array<{ entity: string; oldId: string }> };
    const steps = (JSON.parse(await fs.readFile(stalePlan, 'utf8')) as { steps: Step[] }).steps;
    const buyer = steps.find((s) => s.entity === 'orders' && s.action === 'create')!.refs!.find((r) => r.entity === 'contacts')!.oldId;
    const target = steps.find((s) => s.id === `contacts:${buyer}`)?.liveId ?? buyer;
    store.updateContact(Number(target), { job_title: 'moved on' });
    const stale = captureIo();
    assert.equal(await runCli(['--unlimited', 'apply', stalePlan], stale), 1);
    assert.match(stale.stderr.join('\n'), new RegExp(`contacts ${target} changed.*Make a new plan`));
  });

  it('refuses a file that is not a plan, and a plan of a newer format', async () => {
    const dir = tempDir();
    const notPlan = path.join(dir, 'x.json');
    await fs.writeFile(notPlan, '{"hello": 1}');
    process.env.KEAP_API_KEY = 'x';
    const io = captureIo();
    assert.equal(await runCli(['apply', notPlan], io), 1);
    assert.match(io.stderr.join('\n'), /Not a Keap Vault restore plan/);
    const newer = path.join(dir, 'newer.json');
    await fs.writeFile(newer, JSON.stringify({ formatVersion: '3.0', steps: [] }));
    const io2 = captureIo();
    assert.equal(await runCli(['apply', newer], io2), 1);
    assert.match(io2.stderr.join('\n'), /format 3\.0; this Keap Vault reads 1\.x and 2\.x/);
  });
});
