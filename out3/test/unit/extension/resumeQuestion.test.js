"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The question a window asks about an apply the last window left running: it names the connection
 * and the account, what was left (the pause it was in, or the steps it was applying), and that
 * nothing done is sent again.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const restoreText_1 = require("../../../src/extension/restore/restoreText");
describe('Extension: the question about an apply a closed window cut short', () => {
    it('names the pause it was in, in local time, with the steps left', () => {
        const question = (0, restoreText_1.resumeQuestion)({ account: 'ab123.infusionsoft.com', creates: 80_000, updates: 0, paused: { until: '2026-12-01T00:00:00.000Z', stepsLeft: 73_412 } }, 'Acme Keap');
        strict_1.default.match(question, /^Keap Vault: a restore into Acme Keap \(ab123\.infusionsoft\.com\) stopped when VS Code closed\. It was paused until \d\d:\d\d, 73,412 steps left for Keap's daily quota\. Resume it\? Steps already done are not sent again\.$/);
    });
    it('without a pause, says how many steps it was applying', () => {
        strict_1.default.match((0, restoreText_1.resumeQuestion)({ account: 'acct', creates: 1200, updates: 34 }, 'Demo'), /It was applying 1,234 steps\. Resume it\?/);
    });
});
//# sourceMappingURL=resumeQuestion.test.js.map