"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compileIgnore = compileIgnore;
exports.parsePath = parsePath;
exports.formatPath = formatPath;
exports.fieldChanges = fieldChanges;
const errors_1 = require("./errors");
function compileIgnore(patterns) {
    const rules = { anywhere: new Set(), rooted: [] };
    for (const pattern of patterns) {
        const segments = parsePath(pattern);
        if (segments.length === 1 && typeof segments[0] === 'string' && segments[0] !== '*' && !pattern.startsWith('['))
            rules.anywhere.add(segments[0]);
        else
            rules.rooted.push(segments);
    }
    return rules;
}
/** Parses `a.b[2]["odd.key"][*]` into segments; throws on anything else. */
function parsePath(pattern) {
    const segments = [];
    const token = /(?:^|\.)([A-Za-z_$][\w$]*|\*)|\[(\d+|\*)\]|\[("(?:[^"\\]|\\.)*")\]/y;
    let at = 0;
    while (at < pattern.length) {
        token.lastIndex = at;
        const m = token.exec(pattern);
        if (!m || (m.index === 0 && pattern[0] === '.'))
            throw new errors_1.IgnorePathError('not-a-path', `Not a field path: '${pattern}'`, pattern);
        if (m[1] !== undefined)
            segments.push(m[1]);
        else if (m[2] !== undefined)
            segments.push(m[2] === '*' ? '*' : Number(m[2]));
        else
            segments.push(JSON.parse(m[3]));
        at = token.lastIndex;
    }
    if (!segments.length)
        throw new errors_1.IgnorePathError('empty-path', 'An empty field path cannot be ignored', pattern);
    return segments;
}
function formatPath(segments) {
    let out = '';
    for (const s of segments) {
        if (typeof s === 'number')
            out += `[${s}]`;
        else if (/^[A-Za-z_$][\w$]*$/.test(s))
            out += out ? `.${s}` : s;
        else
            out += `[${JSON.stringify(s)}]`;
    }
    return out;
}
function isIgnored(path, rules) {
    const last = path[path.length - 1];
    if (typeof last === 'string' && rules.anywhere.has(last))
        return true;
    // Checked at every depth on the way down, so a pattern only needs to match a path of its length.
    return rules.rooted.some((p) => p.length === path.length && p.every((s, i) => s === '*' || s === path[i]));
}
/** Every leaf (or whole subtree) that differs between two parsed records. */
function fieldChanges(before, after, ignore) {
    const out = [];
    const path = [];
    const walk = (x, y) => {
        if (path.length && isIgnored(path, ignore))
            return;
        if (x === y)
            return;
        const kx = kindOf(x);
        if (kx !== kindOf(y) || kx === 'scalar') {
            out.push({ path: formatPath(path), before: x, after: y });
            return;
        }
        if (kx === 'array') {
            const xs = x;
            const ys = y;
            for (let i = 0; i < Math.max(xs.length, ys.length); i++)
                step(i, xs[i], ys[i]);
            return;
        }
        const ox = x;
        const oy = y;
        for (const key of Object.keys(ox))
            step(key, ox[key], own(oy, key));
        for (const key of Object.keys(oy))
            if (!hasOwn(ox, key))
                step(key, undefined, oy[key]);
    };
    const step = (segment, x, y) => {
        path.push(segment);
        walk(x, y);
        path.pop();
    };
    walk(before, after);
    return out;
}
const hasOwn = (o, key) => Object.prototype.hasOwnProperty.call(o, key);
// Own members only: a `__proto__` key in Keap's JSON must not be read through the prototype.
const own = (o, key) => (hasOwn(o, key) ? o[key] : undefined);
function kindOf(v) {
    if (v === undefined)
        return 'absent';
    if (Array.isArray(v))
        return 'array';
    return v !== null && typeof v === 'object' ? 'object' : 'scalar';
}
//# sourceMappingURL=diffFields.js.map