"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventLoopSlices = exports.DEFAULT_SLICE_MS = void 0;
exports.yieldToEventLoop = yieldToEventLoop;
/**
 * Long synchronous work cut into slices so the thread it runs on (the VS Code extension host's, which
 * also draws every tree, hover and command of every extension) is never held for more than about
 * 100 ms: the work calls `maybeYield()` between its pieces, which gives the event loop a turn once
 * the current slice has run for `sliceMs`, and checks for cancellation at the same points.
 */
const cancelled_1 = require("./cancelled");
/**
 * Well under the 100 ms goal: a slice ends at the first yield point after this long, so it can run
 * this plus one more piece (a batch aims at 20 ms), and a busy machine stretches both. A turn of the
 * event loop costs microseconds, so yielding often is cheap.
 */
exports.DEFAULT_SLICE_MS = 15;
/** One turn of the event loop: timers, I/O and other callbacks run before the work goes on. */
function yieldToEventLoop() {
    return new Promise((resolve) => setImmediate(resolve));
}
class EventLoopSlices {
    signal;
    what;
    sliceMs;
    sliceStart = performance.now();
    constructor(signal, 
    /** Names the work in the cancellation message. */
    what, sliceMs = exports.DEFAULT_SLICE_MS) {
        this.signal = signal;
        this.what = what;
        this.sliceMs = sliceMs;
    }
    /** Yields when this slice has run long enough; throws CancelledError when the caller has stopped. */
    async maybeYield() {
        (0, cancelled_1.throwIfCancelled)(this.signal, this.what);
        if (performance.now() - this.sliceStart < this.sliceMs)
            return;
        await yieldToEventLoop();
        (0, cancelled_1.throwIfCancelled)(this.signal, this.what);
        this.sliceStart = performance.now();
    }
    /** A turn now, whatever the slice's age: before a step that cannot itself be cut. */
    async yieldNow() {
        (0, cancelled_1.throwIfCancelled)(this.signal, this.what);
        await yieldToEventLoop();
        (0, cancelled_1.throwIfCancelled)(this.signal, this.what);
        this.sliceStart = performance.now();
    }
}
exports.EventLoopSlices = EventLoopSlices;
//# sourceMappingURL=eventLoopSlices.js.map