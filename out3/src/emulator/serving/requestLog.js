"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestLog = void 0;
/** The last `size` entries (older ones drop off), and a count per route template that never drops. */
class RequestLog {
    size;
    entries = [];
    perRoute = {};
    constructor(size) {
        this.size = size;
    }
    record(entry) {
        this.entries.push(entry);
        if (this.entries.length > this.size)
            this.entries.splice(0, this.entries.length - this.size);
    }
    countRoute(route) {
        this.perRoute[route] = (this.perRoute[route] ?? 0) + 1;
    }
    /** The live list (the admin surface serialises it at once). */
    get live() {
        return this.entries;
    }
    list() {
        return [...this.entries];
    }
    byRoute() {
        return { ...this.perRoute };
    }
}
exports.RequestLog = RequestLog;
//# sourceMappingURL=requestLog.js.map