"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HangTrap = void 0;
/** One armed hook at a time; it fires once, then disarms. */
class HangTrap {
    hook;
    /** Requests held so far. */
    hung = 0;
    arm(hook) {
        this.hook = { ...hook, seen: 0 };
    }
    /** Whether this request is the one to hold: if so, the hook disarms and says when to hold it. */
    spring(method, path) {
        const hook = this.hook;
        if (!hook || !(hook.methods ?? ['POST', 'PATCH', 'PUT', 'DELETE']).includes(method))
            return undefined;
        if (hook.except && new RegExp(hook.except).test(`${method} ${path}`))
            return undefined;
        if (++hook.seen < (hook.nth ?? 1))
            return undefined;
        this.hook = undefined;
        this.hung++;
        return hook.when;
    }
}
exports.HangTrap = HangTrap;
//# sourceMappingURL=hangHook.js.map