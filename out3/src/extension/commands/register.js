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
exports.userMessage = userMessage;
exports.logLine = logLine;
exports.registerCommand = registerCommand;
exports.showError = showError;
/**
 * Every command goes through here: its disposable is kept, and an error becomes a message the
 * user can act on (and a log line), never an unhandled rejection. A typed error (`KeapVaultError`:
 * the core's families, the extension's `UserError`) is written for the user and shown as it is; any
 * other error is a bug or a failure from below (the file system, VS Code): its message is shown too,
 * and its stack goes to the log. The notification carries the next steps (nextSteps.ts): Set
 * Credential…, Retry (the same command, the same arguments), Open Log.
 */
const vscode = __importStar(require("vscode"));
const errors_1 = require("../../core/errors");
const errors_2 = require("../../core/keap/errors");
const systemErrors_1 = require("../../core/fs/systemErrors");
const nextSteps_1 = require("../nextSteps");
/** What the user sees (after "Keap Vault: "): a typed error's message as it is, else whatever the error says. */
function userMessage(err) {
    if (err instanceof errors_1.KeapVaultError)
        return err.message;
    return (0, systemErrors_1.describeSystemError)(err) ?? err?.message ?? String(err);
}
/** The log line: the message, with a typed error's class and kind, or an untyped error's stack. */
function logLine(id, err) {
    const message = userMessage(err);
    // Keap's own error code (keymanagement.service.invalid_access_token…) is for the log, not the notification.
    const code = err instanceof errors_2.KeapError && err.keapCode ? `, Keap: ${err.keapCode}` : '';
    if (err instanceof errors_1.KeapVaultError)
        return `${id}: ${message} (${err.name}, ${err.kind}${code})`;
    const stack = err instanceof Error && err.stack ? `\n${err.stack}` : '';
    return `${id}: ${message}${stack}`;
}
function registerCommand(context, log, id, 
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- VS Code passes a command's arguments untyped; each handler declares what it accepts
handler) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args) => {
        try {
            return await handler(...args);
        }
        catch (err) {
            // The user said no (a modal, a cancelled progress): nothing went wrong.
            if (err instanceof vscode.CancellationError)
                return undefined;
            log.error(logLine(id, err));
            void showError(err, log, () => vscode.commands.executeCommand(id, ...args));
            return undefined;
        }
    }));
}
/** The error's message, with its next steps as buttons; the one chosen is run. */
async function showError(err, log, retry) {
    const steps = (0, nextSteps_1.nextSteps)(err).filter((step) => !('retry' in step) || retry);
    const chosen = await vscode.window.showErrorMessage(`Keap Vault: ${userMessage(err)}`, ...steps.map((step) => step.title));
    const step = steps.find((s) => s.title === chosen);
    if (!step)
        return;
    if ('openLog' in step)
        log.show();
    else if ('retry' in step)
        await retry?.();
    else
        await vscode.commands.executeCommand(step.command);
}
//# sourceMappingURL=register.js.map