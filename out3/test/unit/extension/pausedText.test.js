"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const hostUiState_1 = require("../../../src/extension/planPanel/hostUiState");
const pausedText_1 = require("../../../src/extension/restore/pausedText");
describe('VS Code: an apply paused for the daily quota', () => {
    it('says until when (in the user time zone) and the steps left', () => {
        strict_1.default.equal((0, pausedText_1.pausedText)({ until: '2026-12-01T00:00:00.000Z', stepsLeft: 73_412 }, 'UTC'), 'paused until 00:00, 73,412 steps left');
        strict_1.default.equal((0, pausedText_1.pausedText)({ until: '2026-12-01T00:00:00.000Z', stepsLeft: 1 }, 'America/New_York'), 'paused until 19:00, 1 step left');
        strict_1.default.equal((0, pausedText_1.pausedText)({ until: '2026-12-01T13:05:10.000Z', stepsLeft: 2 }, 'UTC'), 'paused until 13:05:10, 2 steps left', "an emulator's short day has seconds");
    });
    it("the preview's state: paused until the next step, and not after the apply ends", () => {
        const ui = {
            planId: 'p',
            filter: 'all',
            sort: { key: 'order', descending: false },
            selected: [],
            progress: {},
            applying: true,
        };
        const paused = (0, hostUiState_1.uiAfterRunMessage)(ui, { type: 'paused', until: '2026-12-01T00:00:00.000Z', stepsLeft: 5 });
        strict_1.default.deepEqual(paused.paused, { until: '2026-12-01T00:00:00.000Z', stepsLeft: 5 });
        strict_1.default.equal(paused.applying, true);
        strict_1.default.equal((0, hostUiState_1.uiAfterRunMessage)(paused, { type: 'progress', stepId: 'orders:1', status: 'done' }).paused, undefined);
        strict_1.default.equal((0, hostUiState_1.uiAfterRunMessage)(paused, { type: 'error', message: 'x' }).paused, undefined);
    });
});
//# sourceMappingURL=pausedText.test.js.map