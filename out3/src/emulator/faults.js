"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FaultInjector = exports.ALL_FAULT_KINDS = void 0;
/**
 * Deterministic fault injection: with the same seed, the n-th Keap request meets the same fate.
 * Errors are answered before the request is handled (nothing happened); `timeout` and `reset`
 * strike after it was handled (it happened, but the caller cannot know) — the case a client
 * must never "fix" by blindly sending a create again.
 */
const random_1 = require("./random");
exports.ALL_FAULT_KINDS = ['500', '502', '503', 'timeout', 'reset'];
class FaultInjector {
    random;
    config;
    injected = 0;
    constructor(config = { rate: 0 }) {
        this.config = FaultInjector.complete(config);
        this.random = new random_1.SeededRandom(this.config.seed);
    }
    configure(config) {
        this.config = FaultInjector.complete(config);
        this.random = new random_1.SeededRandom(this.config.seed);
    }
    get settings() {
        return { ...this.config, kinds: [...this.config.kinds] };
    }
    /** The fault for the next request, if any. */
    next() {
        if (this.config.rate <= 0 || !this.config.kinds.length)
            return undefined;
        const roll = this.random.next();
        const kind = this.random.pick(this.config.kinds);
        if (roll >= this.config.rate)
            return undefined;
        this.injected++;
        return kind;
    }
    get delayMs() {
        return this.config.delayMs;
    }
    static complete(config) {
        if (!(config.rate >= 0 && config.rate <= 1))
            throw new Error('fault rate must be between 0 and 1');
        return { rate: config.rate, seed: config.seed ?? 1, kinds: config.kinds ?? exports.ALL_FAULT_KINDS, delayMs: config.delayMs ?? 5000 };
    }
}
exports.FaultInjector = FaultInjector;
//# sourceMappingURL=faults.js.map