"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SourceFormatError = exports.SOURCE_FORMATS = void 0;
exports.sourceFormatOf = sourceFormatOf;
exports.entityFromFileName = entityFromFileName;
exports.chosenFormat = chosenFormat;
exports.recordReader = recordReader;
exports.withoutBom = withoutBom;
exports.parseSourceFile = parseSourceFile;
exports.parseSourceRecords = parseSourceRecords;
/**
 * Records from a file the developer is editing (JSON, NDJSON or CSV of Keap-shaped records), each
 * with its own position and the position of any field in it, so that findings point at the exact
 * line and column. Syntax errors are collected, not thrown: the rest of the file is still read.
 * A reader takes the text a piece at a time and hands on each record as soon as it is read, so
 * that a file of any size is checked in bounded memory.
 *
 * Positions are 1-based; columns count UTF-16 code units; ends are exclusive. A BOM is not
 * part of the text (editors do not show it), so it shifts no column.
 */
const node_path_1 = __importDefault(require("node:path"));
const entities_1 = require("../../snapshot/entities");
const csvRecords_1 = require("./csvRecords");
const jsonRecords_1 = require("./jsonRecords");
const syntaxErrorList_1 = require("./syntaxErrorList");
const errors_1 = require("../../errors");
exports.SOURCE_FORMATS = ['json', 'ndjson', 'csv'];
/** A file whose format cannot be told from its name (and none was given). */
class SourceFormatError extends errors_1.KeapVaultFileError {
    kind = 'source-format';
    constructor(message, file) {
        super(message, file);
    }
}
exports.SourceFormatError = SourceFormatError;
const EXTENSIONS = { '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv' };
/** Longest first, so that `order_items.csv` is not taken for orders. */
const ENTITY_NAMES = [...entities_1.SNAPSHOT_ENTITIES].sort((a, b) => b.length - a.length);
function sourceFormatOf(file) {
    return EXTENSIONS[node_path_1.default.extname(file).toLowerCase()];
}
/** `orders.csv`, `orders-2025.ndjson`, `Contacts_import.json` → the entity; else undefined. */
function entityFromFileName(file) {
    const base = node_path_1.default.basename(file, node_path_1.default.extname(file)).toLowerCase();
    return ENTITY_NAMES.find((e) => base === e || (base.startsWith(e) && /^[-_. ]/.test(base.slice(e.length))));
}
/** The format a file is read as: the one given, else its extension's; an unknown one is a typed error. */
function chosenFormat(file, format) {
    const chosen = format ?? sourceFormatOf(file);
    if (!chosen || !exports.SOURCE_FORMATS.includes(chosen)) {
        throw new SourceFormatError(format
            ? `Unknown file format '${String(format)}'; use ${exports.SOURCE_FORMATS.join(', ')}.`
            : `Cannot tell the format of ${file} from its name; name it .json, .ndjson, .jsonl or .csv, or give the format.`, file);
    }
    return chosen;
}
/** A reader of a format; the text it is given must not start with a BOM (`withoutBom`). */
function recordReader(format, file, entity, sink, options = {}) {
    if (format === 'csv')
        return new csvRecords_1.CsvReader(file, entity, sink, options.maxRowLength);
    if (format === 'ndjson')
        return new jsonRecords_1.NdjsonReader(file, entity, sink);
    return new jsonRecords_1.JsonDocumentReader(file, entity, sink);
}
/** Text as an editor holds it may start with a BOM, which is not part of the content. */
function withoutBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** A whole text at once, every record kept: for callers that hold the text anyway (tests, small files). */
function parseSourceFile(file, text, format) {
    const chosen = chosenFormat(file, format);
    const entity = entityFromFileName(file);
    const records = [];
    const syntaxErrors = new syntaxErrorList_1.SyntaxErrorList();
    const reader = recordReader(chosen, file, entity, { record: (r) => records.push(r), syntaxError: (e) => syntaxErrors.add(e) });
    reader.write(withoutBom(text));
    reader.end();
    return { format: chosen, entity, records, syntaxErrors: syntaxErrors.list() };
}
/** The records of a file; its syntax errors are in `parseSourceFile`'s answer. */
function parseSourceRecords(file, text, format) {
    return parseSourceFile(file, text, format).records;
}
//# sourceMappingURL=sourceRecords.js.map