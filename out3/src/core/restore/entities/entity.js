"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.verifyByFind = verifyByFind;
exports.first = first;
/** A create's `verify` callback (asked when the answer to a create was lost) from a step's `find`. */
function verifyByFind(find) {
    return async () => {
        const id = await find();
        return id === undefined ? undefined : { id };
    };
}
/** The first item of a listing, or undefined. */
async function first(source) {
    for await (const item of source)
        return item;
    return undefined;
}
//# sourceMappingURL=entity.js.map