"use strict";
/**
 * A unified diff (as `diff -u` and `git diff` print it) of a rewrite. An id never spans lines, so the
 * two texts have the same lines in the same places and the changed ones are found by comparing them
 * line by line; hunks carry 3 lines of context and merge when they touch.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.unifiedDiff = unifiedDiff;
const CONTEXT = 3;
/** Lines without their ends (LF, CRLF or a lone CR), and whether the text ends with one. */
function linesOf(text) {
    const lines = text.split(/\r\n|\r|\n/);
    const finalNewline = lines.length > 1 && lines[lines.length - 1] === '';
    if (finalNewline)
        lines.pop();
    return { lines, finalNewline };
}
function unifiedDiff(before, after, oldName, newName = oldName) {
    const a = linesOf(before.replace(/^\uFEFF/, ''));
    const b = linesOf(after.replace(/^\uFEFF/, ''));
    const changed = [];
    for (let i = 0; i < Math.max(a.lines.length, b.lines.length); i++)
        if (a.lines[i] !== b.lines[i])
            changed.push(i);
    if (!changed.length)
        return '';
    const out = [`--- ${oldName}`, `+++ ${newName}`];
    let h = 0;
    while (h < changed.length) {
        // Gather the changes whose context windows touch.
        let end = h;
        while (end + 1 < changed.length && changed[end + 1] - changed[end] <= 2 * CONTEXT)
            end++;
        const from = Math.max(0, changed[h] - CONTEXT);
        const to = Math.min(a.lines.length - 1, changed[end] + CONTEXT);
        const count = to - from + 1;
        out.push(`@@ -${from + 1},${count} +${from + 1},${count} @@`);
        const changedSet = new Set(changed.slice(h, end + 1));
        const last = a.lines.length - 1;
        const noNewline = (i) => (i === last && !a.finalNewline ? ['\\ No newline at end of file'] : []);
        for (let i = from; i <= to; i++) {
            if (changedSet.has(i))
                out.push(`-${a.lines[i]}`, ...noNewline(i), `+${b.lines[i]}`, ...noNewline(i));
            else
                out.push(` ${a.lines[i]}`, ...noNewline(i));
        }
        h = end + 1;
    }
    return out.join('\n') + '\n';
}
//# sourceMappingURL=unifiedDiff.js.map