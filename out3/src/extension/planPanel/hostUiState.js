"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.freshUi = freshUi;
exports.uiAfterRunMessage = uiAfterRunMessage;
const state_1 = require("../../webview/state");
function freshUi(planId, selected) {
    return {
        planId,
        filter: { ...state_1.DEFAULT_FILTER },
        sort: { key: 'order', descending: false },
        selected,
        progress: {},
        applying: false,
    };
}
function uiAfterRunMessage(ui, message) {
    switch (message.type) {
        case 'progress':
            return {
                ...ui,
                applying: true,
                paused: undefined,
                progress: { ...ui.progress, [message.stepId]: { status: message.status, newId: message.newId, message: message.message } },
            };
        case 'paused':
            return { ...ui, applying: true, paused: { until: message.until, stepsLeft: message.stepsLeft } };
        case 'receipt':
            return { ...ui, applying: false, paused: undefined, receipt: message.receipt };
        case 'stale':
        case 'error':
            return { ...ui, applying: false, paused: undefined };
    }
}
//# sourceMappingURL=hostUiState.js.map