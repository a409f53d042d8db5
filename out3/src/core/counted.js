"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.counted = counted;
/**
 * "1 page", "2 pages", "1,204 records": a count with its noun, for sentences people read. The one
 * place a message's plural is chosen, in the core's messages and the CLI's alike.
 */
function counted(n, noun, plural = `${noun}s`) {
    return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}
//# sourceMappingURL=counted.js.map