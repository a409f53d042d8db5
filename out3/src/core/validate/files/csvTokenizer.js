"use strict";
/**
 * RFC 4180 tokenizer that keeps where every field sits in the file: quoted fields may hold commas,
 * doubled quotes and line breaks; lines end with CRLF or LF (a lone CR too). A quote inside an
 * unquoted field is data (as spreadsheets read it). The caller strips a BOM first.
 *
 * Recovery: a quote that is never closed would swallow the rest of the file, so it is reported at
 * the opening quote and tokenizing resumes on the line after it; only that row is lost.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.UNTERMINATED_QUOTE = void 0;
exports.fieldOffset = fieldOffset;
exports.tokenizeCsv = tokenizeCsv;
exports.UNTERMINATED_QUOTE = 'Unterminated quoted field: the quote opened here is never closed (a quote inside a quoted field must be doubled: "")';
/** File offset of index `i` in a field's value (i may be value.length, for an end). */
function fieldOffset(field, i) {
    let shift = 0;
    for (const e of field.escapes)
        if (e < i)
            shift++;
    return field.valueStart + i + shift;
}
function tokenizeCsv(text) {
    const rows = [];
    const errors = [];
    const n = text.length;
    let i = 0;
    rows: while (i < n) {
        const rowStart = i;
        const fields = [];
        for (;;) {
            const start = i;
            if (text[i] === '"') {
                const field = quotedField(text, i);
                if (!field) {
                    errors.push({
                        message: exports.UNTERMINATED_QUOTE,
                        start,
                        end: lineEnd(text, start),
                    });
                    rows.push({ fields, start: rowStart, end: start, broken: true });
                    i = nextLine(text, start);
                    continue rows;
                }
                i = field.end;
                if (i < n && !isDelimiter(text[i])) {
                    // `"abc"def`: keep the quoted text, report and skip what follows up to the next delimiter.
                    let j = i;
                    while (j < n && !isDelimiter(text[j]))
                        j++;
                    errors.push({
                        message: 'Unexpected text after a closing quote: a field that starts with a quote must end with one',
                        start: i,
                        end: j,
                    });
                    i = j;
                }
                fields.push({ ...field, end: i });
            }
            else {
                while (i < n && !isDelimiter(text[i]))
                    i++;
                fields.push({ value: text.slice(start, i), start, end: i, quoted: false, valueStart: start, escapes: [] });
            }
            if (text[i] === ',') {
                i++;
                continue;
            }
            const end = i;
            i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
            if (!(fields.length === 1 && !fields[0].quoted && fields[0].value === ''))
                rows.push({ fields, start: rowStart, end });
            continue rows;
        }
    }
    return { rows, errors };
}
function quotedField(text, start) {
    const parts = [];
    const escapes = [];
    let length = 0;
    let i = start + 1;
    for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0)
            return undefined;
        parts.push(text.slice(i, q));
        length += q - i;
        if (text[q + 1] === '"') {
            escapes.push(length);
            parts.push('"');
            length++;
            i = q + 2;
            continue;
        }
        return { value: parts.join(''), start, end: q + 1, quoted: true, valueStart: start + 1, escapes };
    }
}
function isDelimiter(c) {
    return c === ',' || c === '\n' || c === '\r';
}
function lineEnd(text, from) {
    let i = from;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r')
        i++;
    return i;
}
function nextLine(text, from) {
    const end = lineEnd(text, from);
    return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : Math.min(end + 1, text.length);
}
//# sourceMappingURL=csvTokenizer.js.map