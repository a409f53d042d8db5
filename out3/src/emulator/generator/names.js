"use strict";
/** Turning display names into e-mail-safe slugs. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.slugOf = slugOf;
exports.displayOf = displayOf;
/** Lower-case ASCII letters only: "José" -> "jose", "Łukasz" -> "lukasz", "芳|fang" -> "fang". */
function slugOf(name) {
    const bar = name.indexOf('|');
    if (bar >= 0)
        return name.slice(bar + 1);
    return name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[łŁ]/g, 'l')
        .replace(/[øØ]/g, 'o')
        .replace(/[æÆ]/g, 'ae')
        .replace(/ß/g, 'ss')
        .replace(/[đĐ]/g, 'd')
        .replace(/[œŒ]/g, 'oe')
        .toLowerCase()
        .replace(/[^a-z]/g, '');
}
function displayOf(name) {
    const bar = name.indexOf('|');
    return bar >= 0 ? name.slice(0, bar) : name;
}
//# sourceMappingURL=names.js.map