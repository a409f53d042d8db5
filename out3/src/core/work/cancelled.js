"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CancelledError = void 0;
exports.throwIfCancelled = throwIfCancelled;
/**
 * Long work the user can stop (opening a large snapshot, validating it): what a stopped piece of
 * work rejects with, so every front end can tell "the user said stop" from a failure and say so.
 */
const errors_1 = require("../errors");
/** The work was stopped by its caller's AbortSignal; nothing it started is left half done. */
class CancelledError extends errors_1.KeapVaultError {
    kind = 'cancelled';
}
exports.CancelledError = CancelledError;
/** Throws CancelledError once `signal` is aborted; `what` names the work for the message ("Opening x.kvsnap"). */
function throwIfCancelled(signal, what) {
    if (signal?.aborted)
        throw new CancelledError(`${what} was cancelled.`);
}
//# sourceMappingURL=cancelled.js.map