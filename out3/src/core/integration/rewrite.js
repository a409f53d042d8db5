"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findStaleIds = findStaleIds;
exports.editsFor = editsFor;
exports.applyEdits = applyEdits;
exports.rewriteText = rewriteText;
exports.rewriteBytes = rewriteBytes;
/**
 * Stale Keap ids in a text, and the edit that replaces them with the ids their records have now.
 *
 * The edit touches only the digits of ids found in a recognised context (the recognizer's), so no
 * other byte changes: line ends (CRLF), a BOM, quotes and spacing stay. Rewriting is idempotent: the
 * new ids are the ends of their chains, so a second run finds nothing to do. A rewrite is refused
 * rather than written when the result could not be read back as the file was: a JSON file that no
 * longer parses (or did not before), a CSV file whose rows change shape, or any text in which the new
 * ids would not be recognised again at their places as the same kind.
 */
const csvTokenizer_1 = require("../validate/files/csvTokenizer");
const jsonParser_1 = require("../validate/files/jsonParser");
const recognize_1 = require("./recognize");
const textFile_1 = require("./textFile");
/** The ids in `text` that the table knows: restored under a new id, or gone and not restored. */
function findStaleIds(text, table, fileName) {
    if (!table.size)
        return [];
    const out = [];
    for (const occurrence of (0, recognize_1.findKeapIds)(text, { fileName, kinds: table.kinds() })) {
        const remap = table.lookup(occurrence.kind, occurrence.id);
        if (remap)
            out.push({ occurrence, remap });
    }
    return out;
}
function editsFor(stale) {
    return stale
        .filter((s) => s.remap.newId !== undefined)
        .map(({ occurrence: o, remap }) => ({
        offset: o.offset,
        length: o.length,
        kind: o.kind,
        oldId: o.id,
        newId: remap.newId,
        line: o.line,
        column: o.column,
    }));
}
/** The text with the edits made (they may come in any order; they never overlap: each is one id's digits). */
function applyEdits(text, edits) {
    const sorted = [...edits].sort((a, b) => a.offset - b.offset);
    let out = '';
    let at = 0;
    for (const e of sorted) {
        out += text.slice(at, e.offset) + e.newId;
        at = e.offset + e.length;
    }
    return out + text.slice(at);
}
/** The rewrite of a text, or why it is refused (see the module's comment). */
function rewriteText(text, table, fileName) {
    const stale = findStaleIds(text, table, fileName);
    const edits = editsFor(stale);
    if (!edits.length)
        return { text, edits, stale };
    const jsonLike = !!fileName && /\.(?:json|jsonc|code-workspace)$/i.test(fileName);
    if (jsonLike && jsonErrors(text))
        return {
            refused: 'does-not-parse',
            message: 'it is not valid JSON, so a rewrite could not be checked: fix it, or edit it by hand',
            stale,
        };
    const result = applyEdits(text, edits);
    if (jsonLike && jsonErrors(result))
        return { refused: 'would-not-parse', message: 'the rewritten JSON would not parse', stale };
    if (fileName && /\.csv$/i.test(fileName) && csvShape(result) !== csvShape(text))
        return { refused: 'would-not-parse', message: "the rewritten CSV's rows would change shape", stale };
    const unstable = unrecognisedAfter(result, edits, fileName);
    if (unstable)
        return { refused: 'unstable', message: `${unstable} would not read as the same id after the rewrite`, stale };
    return { text: result, edits, stale };
}
/** A file's bytes rewritten, or why not: only lossless UTF-8 is written back (see textFile.ts). */
function rewriteBytes(bytes, table, fileName) {
    const decoded = (0, textFile_1.decodeTextFile)(bytes);
    if (!decoded)
        return undefined;
    if (!decoded.rewritable) {
        const stale = findStaleIds(decoded.text, table, fileName);
        if (!editsFor(stale).length)
            return { text: decoded.text, edits: [], stale, bytes, before: decoded.text };
        return {
            refused: 'not-utf8',
            message: `it is ${decoded.encoding === 'not utf-8' ? 'not UTF-8' : decoded.encoding}, and only UTF-8 is rewritten byte for byte`,
            stale,
        };
    }
    const rewrite = rewriteText(decoded.text, table, fileName);
    if ('refused' in rewrite)
        return rewrite;
    return { ...rewrite, bytes: rewrite.edits.length ? (0, textFile_1.encodeText)(rewrite.text) : bytes, before: decoded.text };
}
/** Syntax errors in a JSON text, comments allowed (settings files and tsconfig.json have them). */
function jsonErrors(text) {
    return jsonParser_1.JsonParser.parse(text.replace(/^\uFEFF/, '')).errors.filter((e) => e.code !== 'InvalidCommentToken').length;
}
function csvShape(text) {
    const { rows, errors } = (0, csvTokenizer_1.tokenizeCsv)(text.replace(/^\uFEFF/, ''));
    return `${errors.length}:${rows.map((r) => r.fields.length).join(',')}`;
}
/** The first edit whose new id the recognizer would not find again at its place, as the same kind. */
function unrecognisedAfter(result, edits, fileName) {
    const found = new Set((0, recognize_1.findKeapIds)(result, { fileName }).map((o) => `${o.offset}:${o.kind}:${o.id}`));
    let shift = 0;
    for (const e of [...edits].sort((a, b) => a.offset - b.offset)) {
        if (!found.has(`${e.offset + shift}:${e.kind}:${e.newId}`))
            return `${e.kind} ${e.newId} (line ${e.line})`;
        shift += e.newId.length - e.length;
    }
    return undefined;
}
//# sourceMappingURL=rewrite.js.map