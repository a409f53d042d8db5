"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHILD_OF = exports.CHILD_JSON_FUNCTION = exports.RECORD_JSON_FUNCTION = exports.META_SQL = exports.CURRENT_FORMAT = void 0;
exports.rowTable = rowTable;
exports.tableSql = tableSql;
exports.indexSql = indexSql;
exports.viewSql = viewSql;
exports.emptySchemaSql = emptySchemaSql;
/**
 * How a snapshot's tables sit in SQLite, by format.
 *
 * Format 1: a table per entity with Keap's JSON as text beside the indexed columns; a child row
 * (an order's item, a contact's tag) carried a second copy of its part of the parent's JSON.
 *
 * Format 2: a table `<entity>_rows` holds only the id and the indexed columns, plus where the JSON
 * is: (blk, slot) in `record_blocks` for a record Keap sent, (prow, slot) for a child row, which
 * is rebuilt from its parent's JSON. A temporary view named after the entity puts the `json`
 * column back (computed only when a query reads it), so every query reads both formats alike.
 * Indexes are built after a bulk load: SQLite then writes them packed and in one pass.
 */
const entities_1 = require("./entities");
const recordBlocks_1 = require("./recordBlocks");
exports.CURRENT_FORMAT = 2;
exports.META_SQL = 'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)';
/** SQL functions the format 2 views call (registered by SnapshotDb). */
exports.RECORD_JSON_FUNCTION = 'kv_record_json';
exports.CHILD_JSON_FUNCTION = 'kv_child_json';
exports.CHILD_OF = Object.fromEntries(entities_1.SNAPSHOT_ENTITIES.flatMap((parent) => (entities_1.ENTITY_DEFS[parent].children ?? []).map((c) => [c.entity, { parent, parentColumn: c.parentColumn, rowsOf: c.of }])));
/** The table an entity's rows are written to. */
function rowTable(entity, version) {
    return version === 1 ? entity : `${entity}_rows`;
}
function tableSql(entity, version) {
    const columns = entities_1.ENTITY_DEFS[entity].columns.map((c) => `, ${c.name} ${c.type}`).join('');
    if (version === 1)
        return `CREATE TABLE ${entity} (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, json TEXT NOT NULL${columns})`;
    const place = exports.CHILD_OF[entity] ? 'prow INTEGER NOT NULL, slot INTEGER NOT NULL' : 'blk INTEGER NOT NULL, slot INTEGER NOT NULL';
    return `CREATE TABLE ${rowTable(entity, 2)} (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL${columns}, ${place})`;
}
function indexSql(entity, version) {
    const table = rowTable(entity, version);
    return [
        `CREATE INDEX IF NOT EXISTS ${table}_id ON ${table}(id)`,
        ...entities_1.ENTITY_DEFS[entity].columns
            .filter((c) => c.indexed)
            .map((c) => `CREATE INDEX IF NOT EXISTS ${table}_${c.name} ON ${table}(${c.name})`),
    ];
}
/**
 * Format 2: the entity under its own name, with its JSON. A column the file's table lacks (added
 * after the file was written, see `has`) reads NULL, so queries run unchanged on older files.
 */
function viewSql(entity, has = () => true) {
    const columns = entities_1.ENTITY_DEFS[entity].columns.map((c) => (has(c.name) ? `, ${c.name}` : `, NULL AS ${c.name}`)).join('');
    const json = exports.CHILD_OF[entity] ? `${exports.CHILD_JSON_FUNCTION}('${entity}', prow, slot)` : `${exports.RECORD_JSON_FUNCTION}(blk, slot)`;
    return `CREATE TEMP VIEW IF NOT EXISTS ${entity} AS SELECT rowid, id${columns}, ${json} AS json FROM main.${rowTable(entity, 2)}`;
}
/** A new, empty format 2 snapshot's tables (indexes come after the load). */
function emptySchemaSql() {
    return [exports.META_SQL, ...recordBlocks_1.RECORD_BLOCKS_SQL, ...entities_1.SNAPSHOT_ENTITIES.map((e) => tableSql(e, 2))];
}
//# sourceMappingURL=schema.js.map