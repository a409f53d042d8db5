"use strict";
/**
 * Work run side by side (a capture reads its entities concurrently) that fails as one: the first
 * failure stops the others, and the caller hears of it only once every piece has settled. Without
 * the wait, a cancelled capture returned while another entity's page was still being journaled, so a
 * capture resumed at once could have its journal written under it.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.runTogether = runTogether;
/**
 * Runs `work(item, signal)` for every item at once. `signal` is aborted when the caller's `signal`
 * is or when any piece fails; the promise rejects with the first failure, after all have settled.
 */
async function runTogether(items, signal, work) {
    const stop = new AbortController();
    const shared = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
    let failure;
    await Promise.all(items.map((item) => work(item, shared).catch((error) => {
        if (!failure) {
            failure = { error };
            stop.abort(error);
        }
    })));
    if (failure)
        throw failure.error;
}
//# sourceMappingURL=together.js.map