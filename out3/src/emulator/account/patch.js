"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stripUndefined = stripUndefined;
/** A PATCH leaves alone what it does not name: only the fields given a value are copied. */
function stripUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
//# sourceMappingURL=patch.js.map