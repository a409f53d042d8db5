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
exports.OPEN_PREVIEW = exports.RESUME = void 0;
exports.appliesCutShort = appliesCutShort;
exports.offerToResume = offerToResume;
/**
 * An apply lasts as long as Keap's quota makes it (days for a big restore), and a VS Code window
 * does not: when the window that ran it closes, the apply stops between two requests, its ledger
 * consistent. When a window opens again, this asks whether to continue it, naming what was left
 * (and the pause it was in), and continues it from the ledger on Resume: nothing done is sent again,
 * and what was in flight is looked up in Keap first.
 */
const vscode = __importStar(require("vscode"));
const commandIds_1 = require("../commandIds");
const planPanel_1 = require("../planPanel/planPanel");
const restoreText_1 = require("./restoreText");
exports.RESUME = 'Resume';
exports.OPEN_PREVIEW = 'Open Preview';
/**
 * The applies that were running when the last window closed (read before PlanIndex.markInterrupted
 * turns them into "interrupted").
 */
function appliesCutShort(plans) {
    return plans.list().filter((e) => e.status === 'applying');
}
/**
 * Asks about each apply the closed window cut short; on Resume opens its preview and continues it.
 * `ask` is VS Code's notification (tests answer it).
 */
async function offerToResume(entries, connectionName, ask = (q, ...a) => vscode.window.showInformationMessage(q, ...a)) {
    for (const entry of entries) {
        const answer = await ask((0, restoreText_1.resumeQuestion)(entry, connectionName(entry)), exports.RESUME, exports.OPEN_PREVIEW);
        if (answer !== exports.RESUME && answer !== exports.OPEN_PREVIEW)
            continue;
        await vscode.commands.executeCommand(commandIds_1.COMMANDS.openRestore, entry.planId);
        const panel = planPanel_1.PlanPanel.of(entry.planId);
        if (answer !== exports.RESUME || !panel)
            continue;
        await panel.whenReady();
        void panel.resumeApply().catch((err) => void vscode.window.showErrorMessage(`Keap Vault: ${err.message}`));
    }
}
//# sourceMappingURL=resumePrompt.js.map