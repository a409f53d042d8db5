"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.workProgressPrinter = workProgressPrinter;
exports.progressLine = progressLine;
exports.openWithProgress = openWithProgress;
/**
 * Progress of opening and validating a large snapshot, on a terminal only: one line rewritten in
 * place, as a capture's progress is (progress.ts), cleared when the work ends so the result prints
 * on a clean line. Off a terminal (logs, CI, pipes) and for machine-readable output it stays silent:
 * these steps end in a result line of their own.
 */
const snapshotDb_1 = require("../core/snapshot/snapshotDb");
const progress_1 = require("../core/work/progress");
/** Redraws at most this often: a terminal line redrawn per 4 MiB piece would flicker and cost time. */
const REDRAW_MS = 100;
function workProgressPrinter(label, quiet, stream = process.stderr) {
    const tty = !!stream.isTTY && !quiet;
    let lastDraw = 0;
    let drawn = false;
    return {
        update(p) {
            if (!tty)
                return;
            const now = Date.now();
            if (now - lastDraw < REDRAW_MS && p.done < p.total)
                return;
            lastDraw = now;
            drawn = true;
            stream.write(`\r\u001b[2K${progressLine(label, p)}`);
        },
        end() {
            if (drawn)
                stream.write('\r\u001b[2K');
            drawn = false;
        },
    };
}
/** "Opening x.kvsnap: Reading and verifying 412 of 1,650 MiB (25%)". */
function progressLine(label, p) {
    return `${label}: ${(0, progress_1.describeProgress)(p)}`;
}
/** Opens a snapshot, its progress drawn on a terminal unless `quiet` (machine-readable output). */
async function openWithProgress(file, key, quiet) {
    const printer = workProgressPrinter(`Opening ${file}`, quiet);
    try {
        return await snapshotDb_1.SnapshotDb.open(file, { key, onProgress: (p) => printer.update(p) });
    }
    finally {
        printer.end();
    }
}
//# sourceMappingURL=workProgress.js.map