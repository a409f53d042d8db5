"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeProgress = describeProgress;
/** "Reading and verifying 412 of 1,650 MiB (25%)", "Rule 3 of 16: Payment without an order (12%)": for a progress line or bar. */
function describeProgress(p) {
    const percent = p.total ? Math.floor((p.done / p.total) * 100) : 100;
    const amount = p.unit === 'bytes' ? ` ${mib(p.done)} of ${mib(p.total)} MiB` : '';
    return `${p.step}${amount} (${percent}%)`;
}
const mib = (bytes) => Math.round(bytes / 1024 / 1024).toLocaleString('en-US');
//# sourceMappingURL=progress.js.map