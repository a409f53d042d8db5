"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.captureIo = captureIo;
/** An Io that keeps what a CLI command printed, for assertions. */
function captureIo() {
    const stdout = [];
    const stderr = [];
    return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}
//# sourceMappingURL=cliIo.js.map