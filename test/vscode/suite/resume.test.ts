/**
 * An apply outlives no window: when the window running it closes, the apply stops between two
 * requests, and the next window asks whether to continue it. Here the apply is stopped part-way
 * (cancelled after its first record, then left marked "applying" as a closed window leaves it), the
 * question is answered Resume, and the account ends with every lost record back exactly once.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KeapVaultApi } from '../../../src/extension/extension';
import { demoBaseUrl, emulatorAdmin, emulatorCounts, extensionApi, waitFor } from './support';

describe('Restore in VS Code: an apply a closed window cut short resumes, after asking, when a window opens', function () {
  this.timeout(180_000);
  let api: KeapVaultApi;
  let planId: string | undefined;

  before(async () => {
    api = await extensionApi();
  });

  after(async () => {
    if (!planId) return;
    api.planPanel(planId)?.panel.dispose();
    await api.plans.forget(planId);
  });

  it('asks with what was left, and on Resume applies the rest once', async () => {
    const baseUrl = await demoBaseUrl();
    const demo = (await api.explorer.getChildren())?.find((n) => n.kind === 'connection' && n.connection.demo);
    assert.ok(demo, 'the demo connection');
    const snapshotFile = await vscode.commands.executeCommand<string | undefined>('keapVault.takeSnapshot', demo);
    assert.ok(snapshotFile, 'keapVault.takeSnapshot failed: see the Keap Vault output channel');
    const intact = await emulatorCounts(baseUrl);
    await emulatorAdmin(baseUrl, 'POST', '/disasters/delete-paid-orders', { count: 6, seed: 41 });
    planId = await vscode.commands.executeCommand<string | undefined>('keapVault.planRestore', snapshotFile);
    assert.ok(planId, 'keapVault.planRestore failed');
    const panel = api.planPanel(planId)!;
    const state = await waitFor('the preview to load the plan', () => panel.state);

    // Applying, stopped after its first order; the window that ran it then "closes". Cancelled as
    // that order's progress is posted, not at a later poll: a plan of a few creates (identical
    // records are not steps) may have run to its end by then. Apply looks between steps.
    panel.confirmApply = async () => true;
    const post = panel['post'].bind(panel);
    let cancelled: Promise<void> | undefined;
    panel['post'] = (message) => {
      post(message);
      if (!cancelled && message.type === 'progress' && message.status === 'done' && message.stepId.startsWith('orders:'))
        cancelled = panel.receive({ type: 'cancelApply' });
    };
    await panel.receive({ type: 'apply', stepIds: state.selected });
    assert.ok(cancelled, 'an order was restored, and the apply cancelled then');
    await cancelled;
    const cutShort = await emulatorCounts(baseUrl);
    assert.ok(cutShort.orders < intact.orders, 'stopped before every lost order was back');
    await api.plans.setStatus(planId, 'applying');

    const asked: Array<{ question: string; actions: string[] }> = [];
    await api.offerToResume([api.plans.get(planId)!], async (question, ...actions) => {
      asked.push({ question, actions });
      return 'Resume';
    });
    assert.equal(asked.length, 1);
    assert.match(
      asked[0].question,
      /^Keap Vault: a restore into Keap emulator \(demo\) \(.+\) stopped when VS Code closed\. .* Resume it\? Steps already done are not sent again\.$/,
    );
    assert.deepEqual(asked[0].actions, ['Resume', 'Open Preview']);

    const status = await waitFor('the resumed apply to end', () => {
      const s = api.plans.get(planId!)?.status;
      return s === 'applied' || s === 'applied with problems' || s === 'interrupted' ? s : undefined;
    });
    assert.equal(status, 'applied', `the resumed apply ended ${status}`);
    const after = await emulatorCounts(baseUrl);
    assert.equal(after.orders, intact.orders, 'every lost order is back, none twice');
    assert.equal(after.payments, intact.payments, 'every lost payment is back, none twice');
  });
});
