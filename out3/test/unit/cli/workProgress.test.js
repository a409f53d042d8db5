"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The progress line of long opens and validations in the CLI: drawn in place on a terminal, cleared
 * at the end; nothing at all off a terminal or for machine-readable output.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const workProgress_1 = require("../../../src/cli/workProgress");
function fakeStream(isTTY) {
    const written = [];
    const stream = { isTTY, write: (text) => written.push(text) };
    return { stream, written };
}
const MiB = 1024 * 1024;
describe('CLI progress of opening and validating', () => {
    it('on a terminal: one line redrawn in place, the last report always drawn, cleared at the end', () => {
        const { stream, written } = fakeStream(true);
        const printer = (0, workProgress_1.workProgressPrinter)('Opening big.kvsnap', false, stream);
        printer.update({ step: 'Reading and verifying', done: 4 * MiB, total: 16 * MiB, unit: 'bytes' });
        printer.update({ step: 'Reading and verifying', done: 8 * MiB, total: 16 * MiB, unit: 'bytes' }); // within 100 ms: skipped
        printer.update({ step: 'Reading and verifying', done: 16 * MiB, total: 16 * MiB, unit: 'bytes' });
        printer.end();
        strict_1.default.deepEqual(written, [
            '\r\u001b[2KOpening big.kvsnap: Reading and verifying 4 of 16 MiB (25%)',
            '\r\u001b[2KOpening big.kvsnap: Reading and verifying 16 of 16 MiB (100%)',
            '\r\u001b[2K',
        ]);
    });
    it('names the rule running', () => {
        const { stream, written } = fakeStream(true);
        const printer = (0, workProgress_1.workProgressPrinter)('Validating', false, stream);
        printer.update({ step: 'Rule 3 of 16: Payment without an order', done: 2, total: 16, unit: 'rules' });
        strict_1.default.equal(written[0], '\r\u001b[2KValidating: Rule 3 of 16: Payment without an order (12%)');
    });
    it('writes nothing off a terminal, nor with --json on one', () => {
        for (const [tty, quiet] of [
            [false, false],
            [true, true],
        ]) {
            const { stream, written } = fakeStream(tty);
            const printer = (0, workProgress_1.workProgressPrinter)('Validating', quiet, stream);
            printer.update({ step: 'Rule 1 of 16: x', done: 0, total: 16, unit: 'rules' });
            printer.update({ step: 'Done', done: 16, total: 16, unit: 'rules' });
            printer.end();
            strict_1.default.deepEqual(written, []);
        }
    });
});
//# sourceMappingURL=workProgress.test.js.map