"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.scanCsv = scanCsv;
/**
 * CSV and TSV files: a column whose header names ids (`order_id`, `Contact Id`, `keap_tag_ids`) holds
 * an id in every cell (a list, in `tag_ids`: `12;15` or `"12,15"`). An `Id` column is the id of the
 * kind the file is named after (`orders.csv`, `keap-contacts-2026-11.csv`), when its name says one kind.
 */
const node_path_1 = __importDefault(require("node:path"));
const csvTokenizer_1 = require("../validate/files/csvTokenizer");
const keyNames_1 = require("./keyNames");
/** Rows of a CSV file, or a TSV file (tab-separated, no quoting), with where each cell's value starts. */
function rowsOf(text, tabs) {
    if (tabs) {
        const rows = [];
        let at = 0;
        for (const line of text.split('\n')) {
            const cells = [];
            let cellAt = at;
            for (const value of line.replace(/\r$/, '').split('\t')) {
                cells.push({ value, at: cellAt });
                cellAt += value.length + 1;
            }
            rows.push(cells);
            at += line.length + 1;
        }
        return rows;
    }
    // Doubled quotes inside a cell shift offsets; an id never holds one, so such a cell is left alone.
    return (0, csvTokenizer_1.tokenizeCsv)(text).rows.map((r) => r.fields.map((f) => ({ value: f.escapes.length ? '' : f.value, at: f.valueStart })));
}
function scanCsv(text, fileName, found) {
    const tabs = /\.tsv$/i.test(fileName);
    // The header may follow a BOM.
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const rows = rowsOf(start ? ' ' + text.slice(1) : text, tabs);
    const header = rows[0];
    if (!header)
        return;
    const ofFile = (0, keyNames_1.kindOfFileName)(fileName);
    const specs = header.map((cell) => {
        const name = cell.value.trim();
        if (/^id$/i.test(name))
            return ofFile && { kind: ofFile, plural: false, context: `CSV column "${name}" of ${node_path_1.default.basename(fileName)}` };
        const key = (0, keyNames_1.idKeyOf)(name);
        return key && { kind: key.kind, plural: key.plural, context: `CSV column "${name}"` };
    });
    if (!specs.some(Boolean))
        return;
    for (const row of rows.slice(1)) {
        row.forEach((cell, i) => {
            const spec = specs[i];
            if (!spec)
                return;
            const items = spec.plural ? cell.value.split(/[,;| ]/) : [cell.value];
            let offset = cell.at;
            for (const item of items) {
                const lead = item.length - item.trimStart().length;
                const value = item.trim();
                if (/^[1-9]\d{0,11}$/.test(value))
                    found.push({ kind: spec.kind, offset: offset + lead, length: value.length, rule: 'csv-column', context: spec.context });
                offset += item.length + 1;
            }
        });
    }
}
//# sourceMappingURL=csvScan.js.map