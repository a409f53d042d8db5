"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.time = exports.verbatim = exports.nestedId = exports.isoTime = exports.amount = exports.orNull = exports.present = void 0;
exports.pick = pick;
exports.reference = reference;
// ------------------------------------------------------------------ value helpers
const present = (v) => v !== undefined && v !== null && v !== '';
exports.present = present;
const orNull = (v) => ((0, exports.present)(v) ? v : null);
exports.orNull = orNull;
const amount = (v) => v?.amount ?? 0;
exports.amount = amount;
const isoTime = (v) => {
    // One parse (new Date parses as Date.parse does): every dated record of a plan comes through here.
    const at = (0, exports.present)(v) ? new Date(String(v)) : undefined;
    return at && !Number.isNaN(at.getTime()) ? at.toISOString() : (0, exports.orNull)(v);
};
exports.isoTime = isoTime;
/** The id inside a nested reference such as `contact: { id }`. */
const nestedId = (v) => v?.id;
exports.nestedId = nestedId;
function pick(source, keys) {
    if (!source || typeof source !== 'object')
        return undefined;
    const out = {};
    for (const key of keys)
        if ((0, exports.present)(source[key]))
            out[key] = source[key];
    return Object.keys(out).length ? out : undefined;
}
/** A reference to another record: written as its snapshot id and rewritten from the id map. */
function reference(entity, read = (v) => v) {
    return {
        toRequest: (v, ctx) => {
            const id = read(v);
            if (!(0, exports.present)(id))
                return undefined;
            ctx.refs.push({ path: ctx.path, entity, oldId: String(id) });
            return String(id);
        },
        compare: (v, mapRef) => {
            const id = read(v);
            return (0, exports.present)(id) ? (mapRef(entity, String(id)) ?? `missing:${String(id)}`) : null;
        },
    };
}
const verbatim = (...names) => names.map((name) => ({ name }));
exports.verbatim = verbatim;
const time = (...names) => names.map((name) => ({ name, compare: exports.isoTime }));
exports.time = time;
//# sourceMappingURL=fieldRules.js.map