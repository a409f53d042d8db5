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
exports.openPlanRecord = openPlanRecord;
/**
 * Opening a record the preview links to (an old id in the snapshot, a matched or new id in the
 * live account) as the explorer's read-only record document, beside the preview.
 */
const vscode = __importStar(require("vscode"));
const entities_1 = require("../../core/entities");
const recordDocuments_1 = require("../recordDocuments");
const userError_1 = require("../userError");
/**
 * Opens a record of `entity` by the id the page showed. A live record is opened by the id apply got
 * back for its step, else the id the plan matched, else the id as given.
 */
async function openPlanRecord(plan, connectionId, ui, entity, id, where) {
    // Records the explorer lists live are records a person can open; a marker field's step is not one.
    const known = (0, entities_1.isCapturedEntity)(entity) && (0, entities_1.entityModule)(entity).live ? entity : undefined;
    if (!known)
        throw new userError_1.UserError('not-possible', `Records of ${entity} cannot be opened on their own; open their parent.`);
    const step = plan.steps.find((s) => s.entity === entity && (s.oldId === id || s.liveId === id));
    const uri = where === 'snapshot'
        ? plan.snapshot.file
            ? (0, recordDocuments_1.recordUri)({ type: 'snapshot', file: plan.snapshot.file }, known, step?.oldId ?? id)
            : undefined
        : (0, recordDocuments_1.recordUri)({ type: 'live', connectionId }, known, ui?.progress[step?.id ?? '']?.newId ?? step?.liveId ?? id);
    if (!uri)
        throw new userError_1.UserError('gone', 'This plan does not say where its snapshot is.');
    await (0, recordDocuments_1.showRecord)(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
//# sourceMappingURL=openRecord.js.map