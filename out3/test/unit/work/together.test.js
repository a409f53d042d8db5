"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const together_1 = require("../../../src/core/work/together");
/** A promise and the function that settles it, for pieces the test lets finish when it says. */
function gate() {
    let open;
    const opened = new Promise((resolve) => (open = resolve));
    return { opened, open };
}
describe('Work run together (a capture reading its entities side by side)', () => {
    it('rejects with the first failure only after every other piece has settled, and tells them to stop', async () => {
        const slow = gate();
        const events = [];
        const run = (0, together_1.runTogether)(['fails', 'slow'], undefined, async (item, signal) => {
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
        strict_1.default.equal(rejected, false, 'not rejected while a piece is still writing');
        slow.open();
        await strict_1.default.rejects(run, /Keap answered 500/);
        strict_1.default.deepEqual(events, ['fails', 'slow saw the stop']);
    });
    it("the caller's abort reaches every piece with its own reason", async () => {
        const controller = new AbortController();
        const reasons = [];
        const run = (0, together_1.runTogether)([1, 2, 3], controller.signal, async (_n, signal) => {
            await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
            reasons.push(signal.reason);
            signal.throwIfAborted();
        });
        const reason = new Error('cancelled by the user');
        controller.abort(reason);
        await strict_1.default.rejects(run, /cancelled by the user/);
        strict_1.default.deepEqual(reasons, [reason, reason, reason]);
    });
    it('resolves when every piece does', async () => {
        const done = [];
        await (0, together_1.runTogether)([1, 2, 3], undefined, async (n) => void done.push(n));
        strict_1.default.deepEqual(done.sort(), [1, 2, 3]);
    });
});
//# sourceMappingURL=together.test.js.map