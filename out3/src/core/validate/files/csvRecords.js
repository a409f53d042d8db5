"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CsvReader = exports.LIST_FIELDS = exports.JSON_FIELDS = exports.BOOLEAN_FIELDS = exports.NUMERIC_FIELDS = void 0;
const csvRows_1 = require("./csvRows");
const csvTokenizer_1 = require("./csvTokenizer");
const fieldPath_1 = require("./fieldPath");
const jsonNode_1 = require("./jsonNode");
const jsonParser_1 = require("./jsonParser");
const jsonRecords_1 = require("./jsonRecords");
const lineIndex_1 = require("./lineIndex");
exports.NUMERIC_FIELDS = new Set([
    'amount',
    'quantity',
    'payment_amount',
    'billing_amount',
    'billing_frequency',
    'frequency',
    'total_cycles',
    'number_of_cycles',
    'weight',
    'order_index',
    'display_order_index',
    'active_contact_count',
    'completed_contact_count',
]);
exports.BOOLEAN_FIELDS = new Set([
    'active',
    'shippable',
    'taxable',
    'subscription_only',
    'is_opt_in',
    'auto_charge',
    'allow_payment',
    'commissioned',
    'synced',
    'prorate',
    'locked',
    'published_status',
    'skip_commission',
    'is_successful',
]);
/** Arrays of objects, written by the export as one cell of JSON text. */
exports.JSON_FIELDS = new Set([
    'order_items',
    'custom_fields',
    'email_addresses',
    'phone_numbers',
    'addresses',
    'subscription_plans',
    'options',
]);
/** Arrays of ids, written by the export joined with `;`. */
exports.LIST_FIELDS = new Set(['tag_ids', 'order_ids']);
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const FORMULA_GUARD = /^'[=+\-@\t\r]/;
/**
 * Reads CSV a piece at a time: rows come from `CsvRowSplitter` with the position they start at,
 * and each is tokenized and turned into a record on its own, so memory holds one row.
 */
class CsvReader {
    file;
    fileEntity;
    sink;
    rows;
    /** The header's column names; undefined until it is read, null when it is broken (no row is then read). */
    columns;
    dataRows = 0;
    constructor(file, fileEntity, sink, maxRowLength) {
        this.file = file;
        this.fileEntity = fileEntity;
        this.sink = sink;
        this.rows = new csvRows_1.CsvRowSplitter((row) => this.row(row), maxRowLength);
    }
    write(text) {
        this.rows.write(text);
    }
    end() {
        this.rows.end();
    }
    row(text) {
        const lines = new lineIndex_1.LineIndex(this.file, text.text, text.start);
        const { rows, errors } = text.unterminatedQuote !== undefined || text.tooLong ? { rows: [], errors: [] } : (0, csvTokenizer_1.tokenizeCsv)(text.text);
        if (!rows.length && text.unterminatedQuote === undefined && !text.tooLong)
            return; // an empty line
        const isHeader = this.columns === undefined;
        const index = isHeader ? undefined : this.dataRows++;
        const syntaxErrors = errors.map((e) => ({
            message: e.message,
            position: lines.span(e.start, e.end),
            index,
            entity: this.fileEntity,
        }));
        if (text.unterminatedQuote !== undefined) {
            syntaxErrors.push({
                message: csvTokenizer_1.UNTERMINATED_QUOTE,
                position: lines.span(text.unterminatedQuote, text.text.length),
                index,
                entity: this.fileEntity,
            });
        }
        else if (text.tooLong) {
            syntaxErrors.push({
                message: `This row is longer than ${csvRows_1.MAX_ROW_LENGTH.toLocaleString('en-US')} characters, more than any Keap field holds; it is not read`,
                position: lines.span(0, text.text.length),
                index,
                entity: this.fileEntity,
            });
        }
        const row = rows[0];
        if (isHeader) {
            this.columns = row ? row.fields.map((f) => unguard(f.value).text.trim()) : null;
        }
        else if (row && this.columns) {
            const columns = this.columns;
            const extra = row.fields.slice(columns.length).filter((f) => f.value !== '');
            if (extra.length) {
                syntaxErrors.push({
                    message: `This row has ${row.fields.length} cells but the header names ${columns.length} columns; the extra cells are ignored`,
                    position: lines.span(extra[0].start, extra[extra.length - 1].end),
                    index,
                    entity: this.fileEntity,
                });
            }
            this.sink.record(csvRecord(row, index, columns, lines, this.fileEntity, syntaxErrors));
        }
        syntaxErrors.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
        for (const e of syntaxErrors)
            this.sink.syntaxError(e);
    }
}
exports.CsvReader = CsvReader;
function csvRecord(row, index, columns, lines, entity, syntaxErrors) {
    const record = {};
    const cells = new Map();
    for (const [c, field] of row.fields.entries()) {
        const column = columns[c];
        if (!column || field.value === '' || cells.has(column))
            continue;
        const { text, skip } = unguard(field.value);
        const cell = { field, skip };
        const name = column.slice(column.lastIndexOf('.') + 1);
        const at = (i) => (0, csvTokenizer_1.fieldOffset)(field, skip + i);
        let value = text;
        if ((exports.JSON_FIELDS.has(name) || exports.LIST_FIELDS.has(name)) && /^\s*[[{]/.test(text)) {
            const { root, errors } = jsonParser_1.JsonParser.parse(text);
            cell.json = root;
            value = root?.value;
            if (errors.length) {
                // Like a JSON record with an error: the cell is reported, not checked; the row's other cells are.
                const e = errors[0];
                syntaxErrors.push({
                    message: `${(0, jsonRecords_1.jsonErrorMessage)(e)} in the ${column} cell`,
                    position: lines.span(at(e.offset), at(e.offset + e.length)),
                    index,
                    entity,
                });
                value = undefined;
            }
        }
        else if (exports.LIST_FIELDS.has(name)) {
            cell.parts = splitList(text);
            value = cell.parts.map((p) => text.slice(p.start, p.end));
        }
        else if (exports.NUMERIC_FIELDS.has(name) && NUMBER.test(text.trim())) {
            value = Number(text.trim());
        }
        else if (exports.BOOLEAN_FIELDS.has(name) && /^(true|false)$/i.test(text.trim())) {
            value = text.trim().toLowerCase() === 'true';
        }
        cells.set(column, cell);
        if (value !== undefined)
            setPath(record, column.split('.'), value);
    }
    const span = (start, end) => lines.span(start, end);
    return {
        index,
        entity,
        record,
        position: span(row.start, row.end),
        fieldPosition: (path) => cellPosition(cells, (0, fieldPath_1.parseFieldPath)(path), span),
    };
}
/** The position of a path: a cell, or a place inside a cell of JSON or of `;` parts; else the cell. */
function cellPosition(cells, segments, span) {
    const names = segments.findIndex((s) => typeof s === 'number');
    for (let k = names < 0 ? segments.length : names; k > 0; k--) {
        const cell = cells.get(segments.slice(0, k).join('.'));
        if (!cell)
            continue;
        const rest = segments.slice(k);
        const at = (i) => (0, csvTokenizer_1.fieldOffset)(cell.field, cell.skip + i);
        if (rest.length && cell.json) {
            const node = (0, jsonNode_1.nodeAt)(cell.json, rest);
            if (node)
                return span(at(node.offset), at(node.offset + node.length));
        }
        const part = rest.length === 1 && typeof rest[0] === 'number' ? cell.parts?.[rest[0]] : undefined;
        if (part)
            return span(at(part.start), at(part.end));
        return span(cell.field.start, cell.field.end);
    }
    // `contact` when the file has `contact.id`, `contact.email`: the first of them.
    if (names < 0) {
        const prefix = `${segments.join('.')}.`;
        for (const [column, cell] of cells)
            if (column.startsWith(prefix))
                return span(cell.field.start, cell.field.end);
    }
    return undefined;
}
/** The parts of `12;15` (trimmed, empty ones left out), as ranges of the text. */
function splitList(text) {
    const parts = [];
    for (const m of text.matchAll(/[^;]+/g)) {
        const lead = m[0].length - m[0].trimStart().length;
        const trimmed = m[0].trim();
        if (trimmed)
            parts.push({ start: (m.index ?? 0) + lead, end: (m.index ?? 0) + lead + trimmed.length });
    }
    return parts;
}
function unguard(text) {
    return FORMULA_GUARD.test(text) ? { text: text.slice(1), skip: 1 } : { text, skip: 0 };
}
/**
 * Sets a dotted path; where a column and a nested column collide (`contact` and `contact.id`), the
 * nested one wins. Own properties only, defined not assigned: a `__proto__.x` header is data and
 * cannot reach a prototype.
 */
function setPath(record, keys, value) {
    let at = record;
    for (const key of keys.slice(0, -1)) {
        const next = Object.hasOwn(at, key) ? at[key] : undefined;
        if (!isObject(next))
            define(at, key, {});
        at = at[key];
    }
    const last = keys[keys.length - 1];
    if (!isObject(Object.hasOwn(at, last) ? at[last] : undefined))
        define(at, last, value);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function define(object, key, value) {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
//# sourceMappingURL=csvRecords.js.map