"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeCsv = writeCsv;
exports.flattenRecord = flattenRecord;
exports.neutralise = neutralise;
exports.csvField = csvField;
const exportRecords_1 = require("./exportRecords");
/** The CSV header pass writes nothing; it lets the event loop (and an abort) in this often. */
const YIELD_EVERY = 10_000;
const BOM = '\uFEFF';
async function writeCsv(run, entity) {
    // Pass 1: the union of flattened keys, first seen first. Only the key set is kept.
    const columns = new Set();
    let seen = 0;
    for (const json of (0, exportRecords_1.recordsOf)(run.db, entity)) {
        collectKeys(JSON.parse(json), '', columns);
        if (++seen % YIELD_EVERY === 0)
            await yieldToEventLoop(run.options.signal);
    }
    run.options.signal?.throwIfAborted();
    const header = [...columns];
    const sink = await run.create(`${entity}.csv`);
    if (run.options.bom ?? true)
        sink.push(BOM);
    if (header.length)
        sink.push(header.map((h) => csvField(neutralise(h))).join(',') + '\r\n');
    // Pass 2: one line per record, cells in header order.
    let rows = 0;
    for (const json of (0, exportRecords_1.recordsOf)(run.db, entity)) {
        run.tick(entity, ++rows);
        const cells = flattenRecord(JSON.parse(json));
        const line = header.map((h) => csvField(cells.get(h) ?? '')).join(',') + '\r\n';
        if (sink.push(line))
            await sink.flush();
    }
    await run.done(sink, entity, entity, rows);
}
/** A record's cells by flattened key (see the file comment for the rules). Cell text is already neutralised. */
function flattenRecord(record) {
    const cells = new Map();
    if (isPlainObject(record))
        flattenInto(record, '', cells);
    else
        cells.set('value', cellOf(record));
    return cells;
}
function flattenInto(object, prefix, cells) {
    for (const [k, v] of Object.entries(object)) {
        const key = prefix ? `${prefix}.${k}` : k;
        if (isPlainObject(v))
            flattenInto(v, key, cells);
        else
            cells.set(key, cellOf(v));
    }
}
/** The keys `flattenRecord` would give, without rendering cells (the header pass). */
function collectKeys(value, prefix, keys) {
    if (!isPlainObject(value)) {
        if (!prefix)
            keys.add('value');
        return;
    }
    for (const [k, v] of Object.entries(value)) {
        const key = prefix ? `${prefix}.${k}` : k;
        if (isPlainObject(v))
            collectKeys(v, key, keys);
        else
            keys.add(key);
    }
}
function cellOf(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'number')
        return String(value);
    if (Array.isArray(value)) {
        const scalars = value.every((v) => v === null || typeof v !== 'object');
        return neutralise(scalars ? value.map((v) => (v === null ? '' : String(v))).join(';') : JSON.stringify(value));
    }
    return neutralise(String(value));
}
/** OWASP CSV injection: text a spreadsheet could take for a formula is shown as text instead. */
function neutralise(text) {
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
/** RFC 4180 field: quoted (with quotes doubled) when it holds a comma, quote, CR or LF. */
function csvField(text) {
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function yieldToEventLoop(signal) {
    return new Promise((resolve) => setImmediate(resolve)).then(() => signal?.throwIfAborted());
}
//# sourceMappingURL=exportCsv.js.map