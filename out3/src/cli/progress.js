"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.captureProgressPrinter = captureProgressPrinter;
const output_1 = require("./output");
function captureProgressPrinter(io, stream = process.stderr) {
    const latest = new Map();
    let lastDraw = 0;
    const tty = !!stream.isTTY;
    const line = (p) => {
        const total = [...latest.values()].filter((x) => x.phase === 'records').reduce((n, x) => n + x.records, 0);
        const waits = p.throttleWaitedMs ? `, waited ${(p.throttleWaitedMs / 1000).toFixed(1)} s for the quota` : '';
        return `${(0, output_1.counted)(total, 'record')}, ${(0, output_1.counted)(p.requests, 'request')}${waits} — ${p.entity}: ${p.records.toLocaleString('en-US')}${p.estimatedTotal ? ` of ~${p.estimatedTotal.toLocaleString('en-US')}` : ''}`;
    };
    return {
        update(p) {
            latest.set(`${p.entity}.${p.phase}`, p);
            if (tty) {
                const now = Date.now();
                if (now - lastDraw < 100 && !p.done)
                    return;
                lastDraw = now;
                stream.write(`\r\u001b[2K${line(p)}`);
            }
            else if (p.done) {
                io.err(`${p.entity}${p.phase === 'deletion-check' ? ' (deletion check)' : ''}: ${(0, output_1.counted)(p.records, 'record')}, ${(0, output_1.counted)(p.pages, 'page')}`);
            }
        },
        end() {
            if (tty)
                stream.write('\r\u001b[2K');
        },
    };
}
//# sourceMappingURL=progress.js.map