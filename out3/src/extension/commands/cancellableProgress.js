"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.withCancellableProgress = withCancellableProgress;
exports.withWorkProgress = withWorkProgress;
exports.withCancellableProgressBar = withCancellableProgressBar;
const vscode = __importStar(require("vscode"));
const cancelled_1 = require("../../core/work/cancelled");
const progress_1 = require("../../core/work/progress");
/**
 * Runs long work (a live read) in a notification with Cancel. Cancelling aborts the work's signal
 * and ends it as a CancellationError, which commands treat as "the user said no", not a failure.
 */
function withCancellableProgress(title, work) {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
        try {
            return await work(controller.signal);
        }
        catch (err) {
            if (controller.signal.aborted)
                throw new vscode.CancellationError();
            throw err;
        }
    });
}
/**
 * Long core work that reports its progress (opening a large snapshot, validating it) in a
 * notification with Cancel; the message says what it is doing and how far it is. The core's CancelledError ends it as a CancellationError, as for other cancelled commands.
 */
function withWorkProgress(title, work) {
    return withCancellableProgressBar(title, (signal, onProgress) => work({ signal, onProgress }));
}
/** As withWorkProgress, with the signal and the progress listener given apart. */
function withCancellableProgressBar(title, work) {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
        const bar = progressBar(progress);
        try {
            return await work(controller.signal, bar);
        }
        catch (err) {
            if (controller.signal.aborted || err instanceof cancelled_1.CancelledError)
                throw new vscode.CancellationError();
            throw err;
        }
    });
}
/**
 * The message says what the work does and how far it is ("Rule 3 of 16: … (19%)"). The bar itself
 * stays indeterminate: VS Code's only moves forward by increments, and a command that opens and then
 * validates has two stages, each from 0 to 100%.
 */
function progressBar(progress) {
    let last = '';
    return (p) => {
        const message = (0, progress_1.describeProgress)(p);
        if (message !== last)
            progress.report({ message });
        last = message;
    };
}
//# sourceMappingURL=cancellableProgress.js.map