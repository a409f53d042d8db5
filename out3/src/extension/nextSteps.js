"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OPEN_LOG = exports.RETRY = exports.SET_SNAPSHOT_KEY = exports.SET_CREDENTIAL = void 0;
exports.nextSteps = nextSteps;
/**
 * The buttons an error notification carries: what the user can do about this error, one click away.
 * A refused credential offers Set Credential…; a snapshot that needs its key, Set Encryption Key…;
 * Keap being down, busy or out of quota, Retry; anything the log explains further, Open Log. Every
 * command's error goes through register.ts, which shows these. No vscode import, so unit tests
 * check which error gets which buttons.
 */
const errors_1 = require("../core/errors");
const systemErrors_1 = require("../core/fs/systemErrors");
const errors_2 = require("../core/keap/errors");
const errors_3 = require("../core/snapshot/errors");
const commandIds_1 = require("./commandIds");
const userError_1 = require("./userError");
exports.SET_CREDENTIAL = { title: 'Set Credential…', command: commandIds_1.COMMANDS.setCredential };
exports.SET_SNAPSHOT_KEY = { title: 'Set Encryption Key…', command: commandIds_1.COMMANDS.setSnapshotKey };
exports.RETRY = { title: 'Retry', retry: true };
exports.OPEN_LOG = { title: 'Open Log', openLog: true };
function nextSteps(err) {
    // "Do this first": the message says what; the fix, when there is a command for it, is the button.
    if (err instanceof userError_1.UserError) {
        if (err.fix === 'set-credential')
            return [exports.SET_CREDENTIAL];
        if (err.fix === 'set-snapshot-key')
            return [exports.SET_SNAPSHOT_KEY];
        return [];
    }
    if (err instanceof errors_2.KeapError) {
        switch (err.kind) {
            case 'auth':
            case 'permission':
                return [exports.SET_CREDENTIAL, exports.OPEN_LOG];
            // Keap down, overloaded, out of quota, or an answer garbled in transit: the same request may well work later.
            case 'throttled':
            case 'unavailable':
            case 'protocol':
                return [exports.RETRY, exports.OPEN_LOG];
            default:
                return [exports.OPEN_LOG];
        }
    }
    if (err instanceof errors_2.KeapQuotaWaitError || err instanceof errors_2.KeapPagingError)
        return [exports.RETRY, exports.OPEN_LOG];
    if (err instanceof errors_3.SnapshotKeyError)
        return [exports.SET_SNAPSHOT_KEY, exports.OPEN_LOG];
    if (err instanceof errors_1.KeapVaultError)
        return [exports.OPEN_LOG];
    // A file busy, a disk full, a network cut: worth another try once the cause is gone.
    if ((0, systemErrors_1.describeSystemError)(err))
        return [exports.RETRY, exports.OPEN_LOG];
    return [exports.OPEN_LOG];
}
//# sourceMappingURL=nextSteps.js.map