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
exports.confirmInModal = void 0;
exports.applyConfirmation = applyConfirmation;
/**
 * The commit point of a restore: VS Code's own modal, not a dialog drawn in the page, naming the
 * connection, what will be written per kind of record, and what Keap cannot undo. VS Code adds the
 * Cancel button itself (Escape or closing the dialog is Cancel too). The text is built apart from the
 * modal so it can be read in tests; a host test replaces `confirm` on the panel (see PlanPanel.confirmApply).
 */
const vscode = __importStar(require("vscode"));
const sentences_1 = require("../../webview/sentences");
function applyConfirmation(connection, steps) {
    const creates = (0, sentences_1.countsText)((0, sentences_1.stepCounts)(steps, 'create'));
    const updates = (0, sentences_1.countsText)((0, sentences_1.stepCounts)(steps, 'update'));
    const acting = steps.filter((s) => s.sideEffects?.length).length;
    const lines = [
        `This writes to the Keap account now:`,
        ...(creates ? [`• create ${creates}`] : []),
        ...(updates ? [`• update ${updates}`] : []),
        '',
        'Keap cannot undo payments; restored orders get new ids.',
        ...(acting
            ? [
                `Keap may act on its own for ${acting === 1 ? '1 of these records' : `${acting.toLocaleString('en-US')} of these records`}: receipts, invoices, automations.`,
            ]
            : []),
        'Nothing is deleted. Apply reads the account again first and stops if it changed since the plan was made.',
    ];
    return { message: `Restore into ${connection}?`, detail: lines.join('\n'), confirm: 'Apply' };
}
/** VS Code's modal warning; true only for the Apply button. */
const confirmInModal = async (question) => (await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, question.confirm)) ===
    question.confirm;
exports.confirmInModal = confirmInModal;
//# sourceMappingURL=applyConfirm.js.map