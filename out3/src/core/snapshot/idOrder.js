"use strict";
/** The two orders of record ids: SQLite's (for merging) and the natural one (for people reading them). */
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareIds = compareIds;
exports.compareIdsNaturally = compareIdsNaturally;
/**
 * SQLite's BINARY order for TEXT (UTF-8 bytes), which is code point order. JS `<` compares UTF-16
 * units and disagrees for characters above U+FFFF against U+E000..U+FFFF; the merge needs both
 * sides' order to agree with this one exactly.
 */
function compareIds(x, y) {
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) {
        let cx = x.charCodeAt(i);
        let cy = y.charCodeAt(i);
        if (cx === cy)
            continue;
        if (cx >= 0xd800 && cy >= 0xd800) {
            // Surrogates (astral code points) sort after U+E000..U+FFFF.
            cx = cx < 0xe000 ? cx + 0x2000 : cx - 0x800;
            cy = cy < 0xe000 ? cy + 0x2000 : cy - 0x800;
        }
        return cx - cy;
    }
    return x.length - y.length;
}
/** Runs of digits compare as numbers, the rest as compareIds: `9` < `10`, `32:4` < `178:2`, `99@…` < `155@…`. */
function compareIdsNaturally(x, y) {
    const runs = /\d+|\D+/g;
    const xs = x.match(runs) ?? [];
    const ys = y.match(runs) ?? [];
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        const [rx, ry] = [xs[i], ys[i]];
        if (rx === ry)
            continue;
        if (isDigit(rx) && isDigit(ry)) {
            const [nx, ny] = [rx.replace(/^0+(?=\d)/, ''), ry.replace(/^0+(?=\d)/, '')];
            if (nx.length !== ny.length)
                return nx.length - ny.length;
            if (nx !== ny)
                return compareIds(nx, ny);
        }
        // Equal numbers written differently (`07`, `7`) fall back to text so the order stays total.
        return compareIds(rx, ry);
    }
    return xs.length - ys.length;
}
const isDigit = (run) => run.charCodeAt(0) >= 48 && run.charCodeAt(0) <= 57;
//# sourceMappingURL=idOrder.js.map