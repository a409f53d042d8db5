import assert from 'node:assert/strict';
import { uiAfterRunMessage } from '../../../src/extension/planPanel/hostUiState';
import { pausedText } from '../../../src/extension/restore/pausedText';
import type { PlanViewState } from '../../../src/webview/protocol';

describe('VS Code: an apply paused for the daily quota', () => {
  it('says until when (in the user time zone) and the steps left', () => {
    assert.equal(pausedText({ until: '2026-12-01T00:00:00.000Z', stepsLeft: 73_412 }, 'UTC'), 'paused until 00:00, 73,412 steps left');
    assert.equal(pausedText({ until: '2026-12-01T00:00:00.000Z', stepsLeft: 1 }, 'America/New_York'), 'paused until 19:00, 1 step left');
    assert.equal(
      pausedText({ until: '2026-12-01T13:05:10.000Z', stepsLeft: 2 }, 'UTC'),
      'paused until 13:05:10, 2 steps left',
      "an emulator's short day has seconds",
    );
  });

  it("the preview's state: paused until the next step, and not after the apply ends", () => {
    const ui: PlanViewState = {
      planId: 'p',
      filter: 'all' as never,
      sort: { key: 'order' as never, descending: false },
      selected: [],
      progress: {},
      applying: true,
    };
    const paused = uiAfterRunMessage(ui, { type: 'paused', until: '2026-12-01T00:00:00.000Z', stepsLeft: 5 });
    assert.deepEqual(paused.paused, { until: '2026-12-01T00:00:00.000Z', stepsLeft: 5 });
    assert.equal(paused.applying, true);
    assert.equal(uiAfterRunMessage(paused, { type: 'progress', stepId: 'orders:1', status: 'done' }).paused, undefined);
    assert.equal(uiAfterRunMessage(paused, { type: 'error', message: 'x' }).paused, undefined);
  });
});
