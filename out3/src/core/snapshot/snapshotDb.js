"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnapshotDb = exports.TOOL_VERSION = exports.SNAPSHOT_FORMAT = void 0;
exports.withoutCredentials = withoutCredentials;
/**
 * One snapshot = one SQLite file (sql.js): entity tables plus a `meta` table (format version,
 * account, API base URL, times, counts, tool version). Opening reads the file into memory and
 * verifies it; the file itself is never written by an open. Saving is atomic and optionally
 * encrypted. Format 2 (written since 0.2) stores records compressed (see schema.ts and
 * recordBlocks.ts) and is verified by a hash of the whole file; format 1 files stay readable.
 */
const node_crypto_1 = require("node:crypto");
const entities_1 = require("./entities");
const errors_1 = require("./errors");
const preparedRows_1 = require("./preparedRows");
const recordBlocks_1 = require("./recordBlocks");
const schema_1 = require("./schema");
const snapshotFile_1 = require("./snapshotFile");
const sqlite_1 = require("./sqlite");
const eventLoopSlices_1 = require("../work/eventLoopSlices");
const cancelled_1 = require("../work/cancelled");
exports.SNAPSHOT_FORMAT = 'keap-vault-snapshot';
const READABLE_FORMATS = [1, 2];
exports.TOOL_VERSION = '0.2.0';
const SQLITE_MAGIC = 'SQLite format 3\u0000';
/** SQLite's page cache per open snapshot. */
const PAGE_CACHE_KIB = 64 * 1024;
/** Prepared read queries kept per snapshot. */
const STATEMENT_CACHE = 64;
/** Parents whose child rows are kept rebuilt: a few MB of items and tag assignments. */
const CHILD_CACHE_PARENTS = 4096;
class SnapshotDb {
    db;
    version;
    file;
    sha256;
    /** One prepared INSERT per table: compiling SQL per row would dominate a large capture. */
    inserts = new Map();
    statements = new Map();
    /** The next rowid per table: given explicitly, so a child row knows its parent's without asking. */
    nextRowids = new Map();
    reader;
    writer;
    /** Indexes wait until the first read after a bulk load. */
    indexed;
    /**
     * Child rows rebuilt from their parents, the most recently used last. A scan in stored order needs
     * one parent at a time, but one in id order (a diff) meets the parents in any order: with a single
     * parent kept, it parsed an order again for nearly every item.
     */
    childRows = new Map();
    /** Where each child entity's parent record is, by the parent's rowid: one prepared statement each. */
    parentPlaces = new Map();
    /** hasColumn's answers, by `entity.column`: a file's tables never change shape while it is open. */
    columnsPresent = new Map();
    /**
     * Milliseconds of each synchronous step of the open that cannot be cut into slices: loading the
     * image into sql.js, the first query (SQLite reads the schema), setting up views and missing tables.
     * The open yields to the event loop between them; bench/responsiveness.ts reports the longest.
     */
    openSteps = {};
    constructor(db, version, file, sha256) {
        this.db = db;
        this.version = version;
        this.file = file;
        this.sha256 = sha256;
        this.reader = new recordBlocks_1.RecordBlockReader(db);
        // SQLite's page cache sits in front of sql.js's in-memory file, which it reads through a JS call
        // per page: 2 MB (the default) made every random look-up in a large snapshot a cache miss.
        db.run(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
        this.indexed = version === 1 || !!file;
        if (version === 2)
            this.attachViews();
    }
    /** An empty snapshot (the current format) with its tables in place. */
    static async create() {
        const SQL = await (0, sqlite_1.loadSqlJs)();
        const db = new SQL.Database();
        for (const sql of (0, schema_1.emptySchemaSql)())
            db.run(sql);
        return new SnapshotDb(db, schema_1.CURRENT_FORMAT, undefined, undefined);
    }
    /** Opens and verifies a snapshot file. Any problem is a typed SnapshotError; the file is only read. */
    static async open(file, options = {}) {
        const { image, sha256, encrypted } = await (0, snapshotFile_1.readSnapshotFile)(file, options.key, options);
        // The load below holds the thread for as long as it takes: give waiting work its turn first,
        // and do not start it for a caller who has already given up.
        await (0, eventLoopSlices_1.yieldToEventLoop)();
        (0, cancelled_1.throwIfCancelled)(options.signal, `Opening ${file}`);
        options.onProgress?.({ step: 'Loading', done: image.length, total: image.length, unit: 'bytes' });
        const snapshot = await SnapshotDb.fromImage(image, sha256, encrypted, options, file);
        if (options.signal?.aborted) {
            snapshot.close();
            (0, cancelled_1.throwIfCancelled)(options.signal, `Opening ${file}`);
        }
        return snapshot;
    }
    static async fromImage(image, sha256, encrypted, options, file) {
        if (Buffer.from(image.subarray(0, 16)).toString('latin1') !== SQLITE_MAGIC) {
            throw new errors_1.SnapshotFormatError(`${file} is not a Keap Vault snapshot (not an SQLite file${encrypted ? '' : ', not encrypted'}).`, file);
        }
        const SQL = await (0, sqlite_1.loadSqlJs)();
        const slices = new eventLoopSlices_1.EventLoopSlices(options.signal, `Opening ${file}`);
        const steps = {};
        const timed = (step, run) => {
            const started = performance.now();
            try {
                return run();
            }
            finally {
                steps[step] = performance.now() - started;
            }
        };
        let db;
        try {
            db = timed('load', () => new SQL.Database(image));
            // Format 2's hash already vouches for every byte; format 1 has only its SQLite structure.
            if (!sha256)
                timed('quick_check', () => db.exec('PRAGMA quick_check'));
        }
        catch (err) {
            throw new errors_1.SnapshotCorruptError(`${file} is damaged (${err.message}); it cannot be read.`, file);
        }
        let snapshot;
        try {
            await slices.yieldNow();
            const version = timed('format', () => SnapshotDb.formatOf(db, file));
            if (version === 2 && !sha256)
                throw new errors_1.SnapshotCorruptError(`${file} is cut short or damaged: its checksum is missing.`, file);
            await slices.yieldNow();
            snapshot = timed('setup', () => new SnapshotDb(db, version, file, sha256));
            if (version === 1)
                await snapshot.verifyV1(file, !options.metadataOnly, slices);
            await slices.yieldNow();
            timed('missingTables', () => snapshot.addMissingTables());
            snapshot.openSteps = steps;
            return snapshot;
        }
        catch (err) {
            // Not a snapshot, cut short, cancelled: nothing stays open.
            db.close();
            throw err;
        }
    }
    /** Reads the format from `meta`: typed errors for what is not a snapshot or is too new. */
    static formatOf(db, where) {
        let format;
        let version;
        try {
            const stmt = db.prepare("SELECT key, value FROM meta WHERE key IN ('format', 'formatVersion')");
            while (stmt.step()) {
                const [key, value] = stmt.get();
                if (key === 'format')
                    format = JSON.parse(value);
                else
                    version = JSON.parse(value);
            }
            stmt.free();
        }
        catch (err) {
            if (/no such table: meta/.test(err.message))
                throw new errors_1.SnapshotFormatError(`${where} is an SQLite database but not a Keap Vault snapshot.`, where);
            throw new errors_1.SnapshotCorruptError(`${where} is damaged (${err.message}).`, where);
        }
        if (format !== exports.SNAPSHOT_FORMAT) {
            throw new errors_1.SnapshotFormatError(`${where} is an SQLite database but not a Keap Vault snapshot.`, where);
        }
        if (!READABLE_FORMATS.includes(version)) {
            throw new errors_1.SnapshotVersionError(`${where} is a snapshot of format ${String(version)}; this Keap Vault reads formats ${READABLE_FORMATS.join(' and ')}. Update Keap Vault to open it.`, where);
        }
        return version;
    }
    /**
     * Adds records of a captured entity (and the child rows they carry) in one transaction. `jsons`,
     * when the caller has already written each record as JSON (a capture journals them), saves
     * writing them again.
     */
    insert(entity, records, jsons = records.map((r) => JSON.stringify(r))) {
        this.insertPrepared(entity, (0, preparedRows_1.prepareRows)(entity, records), jsons);
    }
    /**
     * Adds a page whose rows were prepared elsewhere (`prepareRows`, on the thread that parsed it),
     * with each record's JSON as Keap sent it: what a capture's writer thread does with a page.
     */
    insertPrepared(entity, rows, jsons) {
        this.checkWritable();
        this.writer ??= new recordBlocks_1.RecordBlockWriter(this.db);
        const writer = this.writer;
        this.inTransaction(() => this.insertPreparedRows(entity, rows, writer.write(entity, jsons)));
    }
    checkWritable() {
        // invariant: only new snapshots are written, and they are always of the current format.
        if (this.version !== schema_1.CURRENT_FORMAT)
            throw new Error('A format 1 snapshot is read-only');
    }
    inTransaction(run) {
        this.db.run('BEGIN');
        try {
            run();
            this.db.run('COMMIT');
        }
        catch (err) {
            this.db.run('ROLLBACK');
            this.forgetWrites();
            throw err;
        }
    }
    /** Removes records (and their child rows) by id. */
    remove(entity, ids) {
        this.ensureIndexes();
        const def = entities_1.ENTITY_DEFS[entity];
        let removed = 0;
        this.db.run('BEGIN');
        for (const id of ids) {
            for (const child of def.children ?? [])
                this.db.run(`DELETE FROM ${(0, schema_1.rowTable)(child.entity, this.version)} WHERE ${child.parentColumn} = ?`, [id]);
            this.db.run(`DELETE FROM ${(0, schema_1.rowTable)(entity, this.version)} WHERE id = ?`, [id]);
            removed += this.db.getRowsModified();
        }
        this.db.run('COMMIT');
        this.childRows.clear();
        return removed;
    }
    count(entity) {
        return Number(this.scalar(`SELECT COUNT(*) FROM ${(0, schema_1.rowTable)(checkedEntity(entity), this.version)}`) ?? 0);
    }
    counts() {
        const present = this.entitiesPresent(); // a table a file does not have yet holds nothing
        return Object.fromEntries(entities_1.SNAPSHOT_ENTITIES.map((e) => [e, present.has(e) ? this.count(e) : 0]));
    }
    /**
     * Every record of an entity, one at a time (a statement cursor, not an array): in stored order, or
     * by id (then stored order) for merging two snapshots; with the value of one more column when
     * asked (`also`); without reading JSON when `json` is false (its `json` is then ''). Format 2
     * reads the blocks in JS, without a SQL function call per row.
     */
    *rows(entity, options = {}) {
        this.ensureIndexes();
        checkedEntity(entity);
        const { also, order = 'stored', json: withJson = true } = options;
        if (also !== undefined && !entities_1.ENTITY_DEFS[entity].columns.some((c) => c.name === also))
            throw new errors_1.SnapshotQueryError('unknown-column', `${entity} has no column '${also}'`);
        const extra = also ? `, ${also}` : '';
        const orderBy = order === 'id' ? 'id, rowid' : 'rowid';
        const child = schema_1.CHILD_OF[entity];
        const sql = this.version === 1
            ? `SELECT id, ${withJson ? 'json' : "''"}${extra} FROM ${entity} ORDER BY ${orderBy}`
            : `SELECT id, ${child ? 'prow' : 'blk'}, slot${extra} FROM ${(0, schema_1.rowTable)(entity, 2)} ORDER BY ${orderBy}`;
        const stmt = this.db.prepare(sql);
        try {
            while (stmt.step()) {
                const row = stmt.get();
                if (this.version === 1)
                    yield { id: row[0], json: row[1], also: row[2] };
                else {
                    const [place, slot] = [row[1], row[2]];
                    const json = !withJson ? '' : child ? this.childJson(entity, place, slot) : this.reader.json(place, slot);
                    yield { id: row[0], json, also: row[3] };
                }
            }
        }
        finally {
            stmt.free();
        }
    }
    /** Runs a read query with bound parameters. */
    all(sql, params = []) {
        const stmt = this.statement(sql);
        try {
            stmt.bind(params);
            const out = [];
            while (stmt.step())
                out.push(stmt.getAsObject());
            return out;
        }
        finally {
            stmt.reset();
        }
    }
    scalar(sql, params = []) {
        const stmt = this.statement(sql);
        try {
            stmt.bind(params);
            return stmt.step() ? stmt.get()[0] : undefined;
        }
        finally {
            stmt.reset();
        }
    }
    /**
     * A prepared statement per query text, kept: the planner and the explorer ask the same few
     * queries thousands of times, and compiling one (views included) costs more than running it.
     */
    statement(sql) {
        this.ensureIndexes();
        let stmt = this.statements.get(sql);
        if (stmt) {
            this.statements.delete(sql); // re-inserted below: Map order is the LRU order
        }
        else {
            stmt = this.db.prepare(sql);
            if (this.statements.size >= STATEMENT_CACHE) {
                const [oldest, old] = this.statements.entries().next().value;
                old.free();
                this.statements.delete(oldest);
            }
        }
        this.statements.set(sql, stmt);
        return stmt;
    }
    meta() {
        const rows = this.all('SELECT key, value FROM meta');
        const meta = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
        return this.version === 1 ? meta : { ...meta, checksum: this.sha256 ?? '' };
    }
    /** Records the metadata (with counts) and writes the file atomically; the checksum is the file's hash. */
    async save(file, meta, options = {}) {
        const { image, meta: full } = this.finish(meta);
        this.attachViews();
        this.sha256 = await (0, snapshotFile_1.writeSnapshotFile)(file, image, options.key);
        return { ...full, checksum: this.sha256 };
    }
    /**
     * Records the metadata (with counts) and gives the database's image, ready to be written
     * (`writeSnapshotFile`): a capture's writer thread hands it to the thread that writes the file.
     * The database stays usable for reading only after `save`, which sets its views up again.
     */
    finish(meta) {
        this.checkWritable();
        this.ensureIndexes();
        const full = {
            ...meta,
            apiBaseUrl: withoutCredentials(meta.apiBaseUrl),
            format: exports.SNAPSHOT_FORMAT,
            formatVersion: schema_1.CURRENT_FORMAT,
            toolVersion: exports.TOOL_VERSION,
            counts: this.counts(),
        };
        this.db.run('DELETE FROM meta');
        for (const [key, value] of Object.entries(full)) {
            if (value !== undefined)
                this.db.run('INSERT INTO meta (key, value) VALUES (?, ?)', [key, JSON.stringify(value)]);
        }
        this.freeStatements(); // export() closes and reopens the database: statements, functions and views go
        return { image: this.db.export(), meta: full };
    }
    close() {
        this.freeStatements();
        this.db.close();
    }
    freeStatements() {
        for (const stmt of [...this.inserts.values(), ...this.statements.values(), ...this.parentPlaces.values()])
            stmt.free();
        this.inserts.clear();
        this.statements.clear();
        this.parentPlaces.clear();
        this.writer?.free();
        this.writer = undefined;
        this.reader.reset();
        this.childRows.clear();
    }
    /** After a rollback: rowids and blocks may be handed out again, so nothing cached about them holds. */
    forgetWrites() {
        this.nextRowids.clear();
        this.writer?.free();
        this.writer = undefined;
        this.reader.reset();
        this.childRows.clear();
    }
    /**
     * SHA-256 over every table's ids and JSON, in a fixed order: equal for two snapshots holding the
     * same records, whatever their format or file. Format 1 stored it as its checksum. A table the file
     * does not have (an entity added after it was written) is not part of it, so older files verify.
     */
    contentChecksum() {
        const hash = (0, node_crypto_1.createHash)('sha256');
        for (const piece of this.checksumPieces())
            hash.update(piece);
        return hash.digest('hex');
    }
    /** What `contentChecksum` hashes, in order: a line naming each table, then a line per row. */
    *checksumPieces() {
        const present = this.entitiesPresent();
        for (const entity of entities_1.SNAPSHOT_ENTITIES) {
            if (!present.has(entity))
                continue;
            yield `\u0001${entity}\n`;
            for (const row of this.rows(entity))
                yield `${row.id}\u0000${row.json}\n`;
        }
    }
    /** Each record's row at its place, then its child rows under its rowid: all rowids are given here. */
    insertPreparedRows(entity, rows, places) {
        const insert = this.insertStatement(entity);
        const rowids = rows.own.map((values, i) => {
            const rowid = this.nextRowid(entity);
            insert.run([rowid, ...values, places[i][0], places[i][1]]);
            return rowid;
        });
        for (const child of rows.children) {
            const insertChild = this.insertStatement(child.entity);
            for (const [parent, slot, ...values] of child.rows)
                insertChild.run([this.nextRowid(child.entity), ...values, rowids[parent], slot]);
        }
    }
    /** One prepared INSERT per table, columns in the entity's order, then where the JSON is. */
    insertStatement(entity) {
        let stmt = this.inserts.get(entity);
        if (!stmt) {
            const names = ['rowid', 'id', ...entities_1.ENTITY_DEFS[entity].columns.map((c) => c.name), schema_1.CHILD_OF[entity] ? 'prow' : 'blk', 'slot'];
            stmt = this.db.prepare(`INSERT INTO ${(0, schema_1.rowTable)(entity, 2)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
            this.inserts.set(entity, stmt);
        }
        return stmt;
    }
    nextRowid(entity) {
        let next = this.nextRowids.get(entity);
        if (next === undefined) {
            const stmt = this.db.prepare(`SELECT IFNULL(MAX(rowid), 0) + 1 FROM ${(0, schema_1.rowTable)(entity, 2)}`);
            stmt.step();
            next = Number(stmt.get()[0]);
            stmt.free();
        }
        this.nextRowids.set(entity, next + 1);
        return next;
    }
    /**
     * Builds the indexes of an entity whose records are all in (and of the child tables they carry),
     * before the rest of the load ends: a capture's writer thread does it while other entities are
     * still being read, instead of all at the end. Later inserts into these tables would still be
     * indexed, only slower.
     */
    indexEntity(entity) {
        for (const table of [entity, ...(entities_1.ENTITY_DEFS[entity].children ?? []).map((c) => c.entity)])
            for (const sql of (0, schema_1.indexSql)(table, this.version))
                this.db.run(sql);
    }
    ensureIndexes() {
        if (this.indexed)
            return;
        this.indexed = true;
        for (const entity of this.entitiesPresent())
            for (const sql of (0, schema_1.indexSql)(entity, this.version))
                this.db.run(sql);
    }
    /** Format 2: each entity under its own name with its JSON, and the functions that rebuild it. */
    attachViews() {
        this.db.create_function(schema_1.RECORD_JSON_FUNCTION, (block, slot) => this.reader.json(block, slot));
        this.db.create_function(schema_1.CHILD_JSON_FUNCTION, (entity, parentRow, slot) => this.childJson(entity, parentRow, slot));
        for (const entity of this.entitiesPresent())
            this.db.run((0, schema_1.viewSql)(entity, (column) => this.hasColumn(entity, column)));
    }
    /**
     * Whether the file's table of `entity` has `column`: a file written before the column was added
     * lacks it (its format 2 view reads NULL there), so a query that relies on the column's values
     * asks first and otherwise takes the way it took before the column existed.
     */
    hasColumn(entity, column) {
        const key = `${entity}.${column}`;
        let has = this.columnsPresent.get(key);
        if (has === undefined) {
            const stmt = this.db.prepare(`PRAGMA main.table_info(${(0, schema_1.rowTable)(checkedEntity(entity), this.version)})`);
            has = false;
            while (stmt.step())
                if (stmt.getAsObject().name === column)
                    has = true;
            stmt.free();
            this.columnsPresent.set(key, has);
        }
        return has;
    }
    /** A child row's JSON, rebuilt from its parent's record exactly as format 1 stored it. */
    childJson(entity, parentRow, slot) {
        const key = `${entity}:${parentRow}`;
        let rows = this.childRows.get(key);
        if (rows) {
            this.childRows.delete(key); // re-inserted below: Map order is the LRU order
        }
        else {
            const child = schema_1.CHILD_OF[entity];
            // invariant: only child entities' views call this.
            if (!child)
                throw new Error(`${entity} is not a child entity`);
            let stmt = this.parentPlaces.get(entity);
            if (!stmt) {
                stmt = this.db.prepare(`SELECT blk, slot FROM ${(0, schema_1.rowTable)(child.parent, 2)} WHERE rowid = ?`);
                this.parentPlaces.set(entity, stmt);
            }
            try {
                stmt.bind([parentRow]);
                // invariant: removing a parent removes its child rows in the same transaction.
                if (!stmt.step())
                    throw new Error(`${entity} row of missing ${child.parent} row ${parentRow}`);
                const [block, parentSlot] = stmt.get();
                const parent = JSON.parse(this.reader.json(block, parentSlot));
                rows = child.rowsOf(parent).map((row) => JSON.stringify(row));
            }
            finally {
                stmt.reset();
            }
            if (this.childRows.size >= CHILD_CACHE_PARENTS)
                this.childRows.delete(this.childRows.keys().next().value);
        }
        this.childRows.set(key, rows);
        return rows[slot];
    }
    entitiesPresent() {
        const names = new Set();
        const stmt = this.db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'"); // not this.all: no indexes needed
        while (stmt.step())
            names.add(String(stmt.get()[0]));
        stmt.free();
        return new Set(entities_1.SNAPSHOT_ENTITIES.filter((e) => names.has((0, schema_1.rowTable)(e, this.version))));
    }
    /**
     * A file written before an entity was added has no table for it: add it empty, in memory only
     * (an open never writes the file), so every query can rely on every table.
     */
    addMissingTables() {
        const present = this.entitiesPresent();
        for (const entity of entities_1.SNAPSHOT_ENTITIES) {
            if (present.has(entity))
                continue;
            this.db.run((0, schema_1.tableSql)(entity, this.version));
            for (const sql of (0, schema_1.indexSql)(entity, this.version))
                this.db.run(sql);
            if (this.version === 2)
                this.db.run((0, schema_1.viewSql)(entity));
        }
    }
    /** Format 1's row checksum, computed in slices: an old file may be large, and this runs in the extension host. */
    async verifyV1(where, checksum, slices) {
        if (!checksum)
            return;
        const hash = (0, node_crypto_1.createHash)('sha256');
        let expected;
        try {
            expected = this.meta().checksum;
            let pieces = 0;
            for (const piece of this.checksumPieces()) {
                hash.update(piece);
                if (++pieces % 256 === 0)
                    await slices.maybeYield();
            }
        }
        catch (err) {
            if (err instanceof cancelled_1.CancelledError)
                throw err;
            throw new errors_1.SnapshotCorruptError(`${where} is damaged (${err.message}).`, this.file);
        }
        if (hash.digest('hex') !== expected) {
            throw new errors_1.SnapshotCorruptError(`${where} was changed or damaged after it was written (checksum mismatch); it is not trusted.`, this.file);
        }
    }
}
exports.SnapshotDb = SnapshotDb;
function checkedEntity(entity) {
    if (!entities_1.SNAPSHOT_ENTITIES.includes(entity))
        throw new errors_1.SnapshotQueryError('unknown-entity', `Unknown snapshot entity '${entity}'`);
    return entity;
}
/** The API base URL as it may be stored: no user info, query or fragment. */
function withoutCredentials(url) {
    try {
        const u = new URL(url);
        u.username = '';
        u.password = '';
        u.search = '';
        u.hash = '';
        return u.toString().replace(/\/$/, '');
    }
    catch {
        return url;
    }
}
//# sourceMappingURL=snapshotDb.js.map