"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findKeapIds = findKeapIds;
/**
 * Finds the Keap ids in a text (integration code, a config, a log, a CSV) with their kind, position
 * and the clue that made each an id. A number is an id only where something says so: a name
 * (`order_id`), a container (`"contact": {"id": …}`), a Keap URL, a SQL column, a CSV header.
 * A bare number never is, so prices, dates, phone numbers, ports and versions stay out.
 *
 * Every pass is linear in the text; none recurses.
 */
const lineIndex_1 = require("../validate/files/lineIndex");
const csvScan_1 = require("./csvScan");
const keyNames_1 = require("./keyNames");
const keyValueScan_1 = require("./keyValueScan");
const sqlScan_1 = require("./sqlScan");
const urlScan_1 = require("./urlScan");
/** Which pass wins when two find the same id: the more specific clue names it. */
const RULE_RANK = {
    'admin-url': 0,
    'api-url': 1,
    sql: 2,
    'csv-column': 3,
    key: 4,
    call: 5,
    compound: 6,
    nested: 7,
    hash: 8,
    prose: 9,
};
function findKeapIds(text, options = {}) {
    const found = [];
    (0, urlScan_1.scanUrls)(text, found);
    (0, sqlScan_1.scanSql)(text, found);
    if (options.fileName && /\.(?:csv|tsv)$/i.test(options.fileName))
        (0, csvScan_1.scanCsv)(text, options.fileName, found);
    const structured = options.fileName && /\.(?:json|jsonc|ya?ml)$/i.test(options.fileName);
    (0, keyValueScan_1.scanKeyValues)(text, found, structured ? (0, keyNames_1.kindOfFileName)(options.fileName) : undefined);
    if (!found.length)
        return [];
    found.sort((a, b) => a.offset - b.offset || RULE_RANK[a.rule] - RULE_RANK[b.rule]);
    const lines = new lineIndex_1.LineIndex(options.fileName ?? '', text);
    const out = [];
    let last = -1;
    for (const f of found) {
        if (f.offset === last)
            continue;
        last = f.offset;
        if (options.kinds && !options.kinds.has(f.kind))
            continue;
        const { line, column } = lines.at(f.offset);
        out.push({ ...f, id: text.slice(f.offset, f.offset + f.length), line, column });
    }
    return out;
}
//# sourceMappingURL=recognize.js.map