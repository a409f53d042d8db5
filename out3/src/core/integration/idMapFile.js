"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CSV_HEADER = exports.IdMapFileError = void 0;
exports.readIdMapFile = readIdMapFile;
exports.readIdMapContents = readIdMapContents;
exports.parseJsonIdMap = parseJsonIdMap;
exports.parseCsvIdMap = parseCsvIdMap;
/**
 * Reads an id map for remapping: an account's ledger (`keap-<account>.kvledger`), or what
 * `keap-vault idmap` and Export Id Map write from it, as CSV (`entity,old_id,new_id,plan_id,restored_at`)
 * or JSON (`[{entity, oldId, newId, planId, at}]`). A row without a new id (`idmap
 * --include-unrestored`) is a record a restore could not bring back.
 */
const node_fs_1 = require("node:fs");
const errors_1 = require("../errors");
const systemErrors_1 = require("../fs/systemErrors");
const ledger_1 = require("../restore/ledger");
const csvTokenizer_1 = require("../validate/files/csvTokenizer");
const idMap_1 = require("./idMap");
/** The file is not an id map Keap Vault wrote. */
class IdMapFileError extends errors_1.KeapVaultFileError {
    kind = 'idmap-format';
}
exports.IdMapFileError = IdMapFileError;
exports.CSV_HEADER = ['entity', 'old_id', 'new_id', 'plan_id', 'restored_at'];
async function readIdMapFile(file) {
    const { entries, unrestored } = await readIdMapContents(file);
    return new idMap_1.RemapTable(entries, unrestored);
}
async function readIdMapContents(file) {
    if (file.endsWith('.kvledger')) {
        await node_fs_1.promises.access(file).catch((err) => Promise.reject((0, systemErrors_1.withPath)(err, file)));
        const ledger = await ledger_1.Ledger.open(file);
        try {
            return { entries: ledger.idMap(), unrestored: ledger.unrestored() };
        }
        finally {
            ledger.close();
        }
    }
    const text = (await node_fs_1.promises.readFile(file, 'utf8').catch((err) => Promise.reject((0, systemErrors_1.withPath)(err, file)))).replace(/^\uFEFF/, '');
    return text.trimStart().startsWith('[') ? parseJsonIdMap(text, file) : parseCsvIdMap(text, file);
}
function parseJsonIdMap(text, file) {
    let rows;
    try {
        rows = JSON.parse(text);
    }
    catch (err) {
        throw new IdMapFileError(`${file} is not JSON (${err.message}): give the id map that keap-vault idmap --format json writes.`, file);
    }
    if (!Array.isArray(rows))
        throw new IdMapFileError(`${file} holds no list of ids: give the id map that keap-vault idmap --format json writes.`, file);
    const out = { entries: [], unrestored: [] };
    rows.forEach((row, i) => {
        const r = row;
        const text = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
        const entity = text(r?.entity);
        const oldId = text(r?.oldId);
        if (!entity || !oldId)
            throw new IdMapFileError(`${file}: entry ${i + 1} has no entity or oldId: give the id map that keap-vault idmap --format json writes.`, file);
        add(out, entity, oldId, text(r.newId), text(r.planId), text(r.at));
    });
    return out;
}
function parseCsvIdMap(text, file) {
    const { rows } = (0, csvTokenizer_1.tokenizeCsv)(text);
    const header = rows[0]?.fields.map((f) => f.value.trim().toLowerCase()) ?? [];
    if (exports.CSV_HEADER.some((h, i) => header[i] !== h))
        throw new IdMapFileError(`${file} does not start with the header ${exports.CSV_HEADER.join(',')}: give the id map that keap-vault idmap (or Export Id Map) writes.`, file);
    const out = { entries: [], unrestored: [] };
    for (const row of rows.slice(1)) {
        const [entity, oldId, newId, planId, at] = row.fields.map((f) => f.value.trim());
        if (!entity && !oldId)
            continue; // a blank line
        if (!entity || !oldId)
            throw new IdMapFileError(`${file}: a row has no entity or old_id.`, file);
        add(out, entity, oldId, newId ?? '', planId ?? '', at ?? '');
    }
    return out;
}
function add(out, entity, oldId, newId, planId, at) {
    if (newId)
        out.entries.push({ entity: entity, oldId, newId, planId, at });
    else
        out.unrestored.push({ entity, oldId, planId, at });
}
//# sourceMappingURL=idMapFile.js.map