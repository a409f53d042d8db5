/**
 * The restore preview's commit point and result, in a real extension host against the demo account:
 * Apply asks in VS Code's own modal (naming the connection, the counts per kind of record and what
 * Keap cannot undo) and a Cancel there changes nothing; after an apply the tab's title leads with the
 * result, and the status bar's one item says how far the apply is. The modal cannot be pressed from a test, so the panel's `confirmApply` hook answers for the
 * user and records the question. The plans made here are forgotten afterwards, so the Restores view
 * the workflow test checks holds only its own.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KeapVaultApi } from '../../../src/extension/extension';
import type { ApplyConfirmation } from '../../../src/extension/planPanel/applyConfirm';
import { demoBaseUrl, emulatorAdmin, emulatorCounts, extensionApi, screenshot, waitFor } from './support';

describe('Restore preview in VS Code: the commit point and the result', function () {
  this.timeout(180_000);
  let api: KeapVaultApi;
  let baseUrl: string;
  let planId: string;
  const planned: string[] = [];

  before(async () => {
    api = await extensionApi();
    baseUrl = await demoBaseUrl();
    const demo = (await api.explorer.getChildren())?.find((n) => n.kind === 'connection' && n.connection.demo);
    assert.ok(demo, 'the demo connection');
    const snapshotFile = await vscode.commands.executeCommand<string | undefined>('keapVault.takeSnapshot', demo);
    assert.ok(snapshotFile, 'keapVault.takeSnapshot failed: see the Keap Vault output channel');
    const lost = await emulatorAdmin<{ affected: { orders: string[] } }>(baseUrl, 'POST', '/disasters/delete-paid-orders', {
      count: 2,
      seed: 21,
    });
    assert.equal(lost.affected.orders.length, 2);
    const made = await vscode.commands.executeCommand<string | undefined>('keapVault.planRestore', snapshotFile);
    assert.ok(made, 'keapVault.planRestore failed');
    planId = made;
    planned.push(planId);
  });

  after(async () => {
    for (const id of planned) {
      api.planPanel(id)?.panel.dispose();
      await api.plans.forget(id);
    }
  });

  it("asks in VS Code's modal with the connection, the counts and what cannot be undone; Cancel leaves everything unchanged", async () => {
    const panel = api.planPanel(planId)!;
    const state = await waitFor('the preview to load the plan', () => panel.state);
    await screenshot('plan-preview');
    const before = { counts: await emulatorCounts(baseUrl), status: api.plans.get(planId)?.status, title: panel.panel.title };
    assert.equal(before.status, 'planned');
    assert.match(before.title, /^Restore plan: \d+ to create \(Keap emulator \(demo\)\)$/);

    const asked: ApplyConfirmation[] = [];
    panel.confirmApply = async (question) => {
      asked.push(question);
      return false; // the user pressed Cancel (or Escape)
    };
    await panel.receive({ type: 'apply', stepIds: state.selected });

    assert.equal(asked.length, 1, 'asked once');
    const [question] = asked;
    assert.equal(question.message, 'Restore into Keap emulator (demo)?');
    assert.match(question.detail, /• create 2 orders(,| and) \d+ payments/);
    assert.match(question.detail, /Keap cannot undo payments; restored orders get new ids\./);
    assert.equal(question.confirm, 'Apply');
    // Cancel: nothing written, nothing started, nothing recorded, the preview as it was.
    assert.deepEqual(await emulatorCounts(baseUrl), before.counts);
    assert.equal(api.plans.get(planId)?.status, 'planned');
    assert.equal(panel.isApplying, false);
    assert.equal(panel.state?.receipt, undefined);
    assert.deepEqual(panel.state?.progress, {});
    assert.equal(panel.panel.title, before.title);
  });

  it('after Apply, the tab title leads with the result and the page has the receipt', async () => {
    const panel = api.planPanel(planId)!;
    const state = panel.state!;
    const before = await emulatorCounts(baseUrl);
    panel.confirmApply = async () => true;
    // What Keap Vault's status bar item says while the apply runs (an apply has no other status bar entry).
    const shown = new Set<string>();
    const watch = setInterval(() => shown.add(api.statusBar.shown?.text ?? ''), 10);
    await panel.receive({ type: 'apply', stepIds: state.selected });
    const receipt = await waitFor('the receipt', () => panel.state?.receipt).finally(() => clearInterval(watch));
    const restoring = [...shown].filter((t) => /^\$\(sync~spin\) Keap emulator \(demo\): restoring \d+\/\d+$/.test(t));
    assert.ok(restoring.length, `the status bar said how far the restore was: ${[...shown].join(' | ')}`);
    assert.ok(
      [...shown].every((t) => !/restoring/.test(t) || /restoring \d+\/\d+$/.test(t)),
      `every "restoring" with its count: ${[...shown].join(' | ')}`,
    );
    await waitFor('the status bar to leave the restore', () => !api.statusBar.shown?.text.includes('restoring'));
    assert.deepEqual(receipt.failed, []);
    assert.equal((await emulatorCounts(baseUrl)).orders, before.orders + 2, 'both orders are back, once');
    assert.equal(api.plans.get(planId)?.status, 'applied');
    assert.equal(panel.panel.title, `Restored ${receipt.created} records (Keap emulator (demo))`);
  });
});
