import assert from 'node:assert/strict';
import { runTogether } from '../../../src/core/work/together';

/** A promise and the function that settles it, for pieces the test lets finish when it says. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('Work run together (a capture reading its entities side by side)', () => {
  it('rejects with the first failure only after every other piece has settled, and tells them to stop', async () => {
    const slow = gate();
    const events: string[] = [];
    const run = runTogether(['fails', 'slow'], undefined, async (item, signal) => {
      if (item === 'fails') {
        events.push('fails');
        throw new Error('Keap answered 500');
      }
      await slow.opened;
      events.push(signal.aborted ? 'slow saw the stop' : 'slow went on');
    });
    let rejected = false;
    run.catch(() => (rejected = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(rejected, false, 'not rejected while a piece is still writing');
    slow.open();
    await assert.rejects(run, /Keap answered 500/);
    assert.deepEqual(events, ['fails', 'slow saw the stop']);
  });

  it("the caller's abort reaches every piece with its own reason", async () => {
    const controller = new AbortController();
    const reasons: unknown[] = [];
    const run = runTogether([1, 2, 3], controller.signal, async (_n, signal) => {
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      reasons.push(signal.reason);
      signal.throwIfAborted();
    });
    const reason = new Error('cancelled by the user');
    controller.abort(reason);
    await assert.rejects(run, /cancelled by the user/);
    assert.deepEqual(reasons, [reason, reason, reason]);
  });

  it('resolves when every piece does', async () => {
    const done: number[] = [];
    await runTogether([1, 2, 3], undefined, async (n) => void done.push(n));
    assert.deepEqual(done.sort(), [1, 2, 3]);
  });
});
