"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.Ledger = exports.LedgerDamagedError = void 0;
exports.ledgerFileFor = ledgerFileFor;
exports.idMapCsv = idMapCsv;
/**
 * The ledger of restores into one account (SQLite, beside the snapshots): every step of every
 * applied plan, marked pending before its request and done (with the new id) or failed after, and
 * the id map old id -> new id that other systems use to fix the Keap ids they stored.
 *
 * sql.js keeps the database in memory, so each entry also goes to an append-only journal that is
 * fsynced before the request it guards is sent; opening replays the journal, and a checkpoint folds
 * it into the database file (written atomically). A crash at any point loses nothing recorded.
 */
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const node_readline_1 = __importDefault(require("node:readline"));
const atomicWrite_1 = require("../fs/atomicWrite");
const library_1 = require("../snapshot/library");
const sqlite_1 = require("../snapshot/sqlite");
const errors_1 = require("../errors");
const SCHEMA = [
    `CREATE TABLE IF NOT EXISTS steps (plan_id TEXT NOT NULL, step_id TEXT NOT NULL, entity TEXT NOT NULL, old_id TEXT NOT NULL,
     status TEXT NOT NULL, new_id TEXT, error TEXT, at TEXT NOT NULL, PRIMARY KEY (plan_id, step_id))`,
    `CREATE TABLE IF NOT EXISTS id_map (entity TEXT NOT NULL, old_id TEXT NOT NULL, new_id TEXT NOT NULL, plan_id TEXT NOT NULL, at TEXT NOT NULL,
     PRIMARY KEY (entity, old_id))`,
];
/** The account's ledger cannot be read; it is left as it is. */
class LedgerDamagedError extends errors_1.KeapVaultFileError {
    kind = 'ledger-damaged';
    constructor(message, file, cause) {
        super(message, file);
        this.cause = cause;
    }
}
exports.LedgerDamagedError = LedgerDamagedError;
class Ledger {
    file;
    db;
    constructor(file, db) {
        this.file = file;
        this.db = db;
    }
    static journalFor(file) {
        return `${file}.journal`;
    }
    static async open(file) {
        const SQL = await (0, sqlite_1.loadSqlJs)();
        let bytes;
        try {
            bytes = await node_fs_1.promises.readFile(file);
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                throw err;
        }
        let db;
        try {
            db = bytes ? new SQL.Database(bytes) : new SQL.Database();
            for (const sql of SCHEMA)
                db.run(sql);
        }
        catch (err) {
            throw new LedgerDamagedError(`The ledger ${file} is damaged (${err.message}); it was not changed. Move it aside to start a new one (the id map in it is then lost).`, file, err);
        }
        const ledger = new Ledger(file, db);
        await ledger.replay();
        return ledger;
    }
    step(planId, stepId) {
        const stmt = this.db.prepare('SELECT plan_id, step_id, entity, old_id, status, new_id, error, at FROM steps WHERE plan_id = ? AND step_id = ?');
        try {
            stmt.bind([planId, stepId]);
            if (!stmt.step())
                return undefined;
            const [p, s, entity, oldId, status, newId, error, at] = stmt.get();
            return {
                planId: p,
                stepId: s,
                entity: entity,
                oldId,
                status: status,
                newId: newId ?? undefined,
                error: error ?? undefined,
                at,
            };
        }
        finally {
            stmt.free();
        }
    }
    /** Where an earlier restore put a snapshot record. */
    newIdOf(entity, oldId) {
        const stmt = this.db.prepare('SELECT new_id FROM id_map WHERE entity = ? AND old_id = ?');
        try {
            stmt.bind([entity, oldId]);
            return stmt.step() ? String(stmt.get()[0]) : undefined;
        }
        finally {
            stmt.free();
        }
    }
    idMap() {
        const rows = [];
        const stmt = this.db.prepare('SELECT entity, old_id, new_id, plan_id, at FROM id_map ORDER BY at, entity, old_id');
        try {
            while (stmt.step()) {
                const [entity, oldId, newId, planId, at] = stmt.get();
                rows.push({ entity: entity, oldId, newId, planId, at });
            }
        }
        finally {
            stmt.free();
        }
        return rows;
    }
    /**
     * Records a restore tried to re-create and could not (their last step failed) and that no restore
     * has re-created since: gone from Keap, and still gone. Integrations that hold their ids are broken
     * with no new id to move to.
     */
    unrestored() {
        const rows = [];
        const stmt = this.db.prepare(`SELECT s.entity, s.old_id, s.plan_id, s.at, s.error FROM steps s
       WHERE s.status = 'failed' AND s.entity <> 'contact_tags'
         AND NOT EXISTS (SELECT 1 FROM id_map m WHERE m.entity = s.entity AND m.old_id = s.old_id)
       ORDER BY s.at, s.entity, s.old_id`);
        try {
            const seen = new Set();
            while (stmt.step()) {
                const [entity, oldId, planId, at, error] = stmt.get();
                const key = `${entity}:${oldId}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                rows.push({ entity: entity, oldId: oldId, planId: planId, at: at, error: error ?? undefined });
            }
        }
        finally {
            stmt.free();
        }
        return rows;
    }
    /** Steps of a plan that have been started (pending, done or failed). */
    stepsOf(planId) {
        const out = [];
        const stmt = this.db.prepare('SELECT step_id FROM steps WHERE plan_id = ?');
        try {
            stmt.bind([planId]);
            while (stmt.step())
                out.push(this.step(planId, String(stmt.get()[0])));
        }
        finally {
            stmt.free();
        }
        return out;
    }
    pending(planId, step) {
        return this.record({
            planId,
            stepId: step.id,
            entity: step.entity,
            oldId: step.oldId,
            status: 'pending',
            at: new Date().toISOString(),
        });
    }
    done(planId, step, newId) {
        return this.record({
            planId,
            stepId: step.id,
            entity: step.entity,
            oldId: step.oldId,
            status: 'done',
            newId,
            at: new Date().toISOString(),
        });
    }
    /** The step's record already was in Keap: mapped to it (id map) without a write of this plan. */
    linked(planId, step, liveId) {
        return this.record({
            planId,
            stepId: step.id,
            entity: step.entity,
            oldId: step.oldId,
            status: 'linked',
            newId: liveId,
            at: new Date().toISOString(),
        });
    }
    failed(planId, step, error) {
        return this.record({
            planId,
            stepId: step.id,
            entity: step.entity,
            oldId: step.oldId,
            status: 'failed',
            error,
            at: new Date().toISOString(),
        });
    }
    /** Folds the journal into the database file. */
    async checkpoint() {
        await (0, atomicWrite_1.writeFileAtomic)(this.file, this.db.export());
        await node_fs_1.promises.rm(Ledger.journalFor(this.file), { force: true });
    }
    close() {
        this.db.close();
    }
    async record(entry) {
        const handle = await node_fs_1.promises.open(Ledger.journalFor(this.file), 'a', 0o600);
        try {
            await handle.write(JSON.stringify(entry) + '\n');
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        this.apply(entry);
    }
    apply(e) {
        this.db.run(`INSERT INTO steps (plan_id, step_id, entity, old_id, status, new_id, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (plan_id, step_id) DO UPDATE SET status = excluded.status, new_id = excluded.new_id, error = excluded.error, at = excluded.at`, [e.planId, e.stepId, e.entity, e.oldId, e.status, e.newId ?? null, e.error ?? null, e.at]);
        // Tag assignments have no id of their own: they are not part of the id map.
        if ((e.status === 'done' || e.status === 'linked') && e.newId && e.newId !== e.oldId && e.entity !== 'contact_tags') {
            this.db.run(`INSERT INTO id_map (entity, old_id, new_id, plan_id, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (entity, old_id) DO UPDATE SET new_id = excluded.new_id, plan_id = excluded.plan_id, at = excluded.at`, [e.entity, e.oldId, e.newId, e.planId, e.at]);
        }
    }
    /** Re-applies journal entries written after the last checkpoint (a torn last line is ignored). */
    async replay() {
        const journal = Ledger.journalFor(this.file);
        try {
            await node_fs_1.promises.access(journal);
        }
        catch {
            return;
        }
        const lines = node_readline_1.default.createInterface({ input: (0, node_fs_1.createReadStream)(journal, { encoding: 'utf8' }), crlfDelay: Infinity });
        for await (const line of lines) {
            if (!line.trim())
                continue;
            try {
                this.apply(JSON.parse(line));
            }
            catch {
                // Only the last line can be torn (a crash mid-write); its request was never sent.
            }
        }
    }
}
exports.Ledger = Ledger;
/** One ledger per account, beside its snapshots: `keap-<account>.kvledger`. */
function ledgerFileFor(dir, account) {
    return node_path_1.default.join(dir, `keap-${(0, library_1.accountSlug)(account)}.kvledger`);
}
/** The id map as CSV (RFC 4180) for other systems. */
function idMapCsv(entries) {
    const field = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return ([
        'entity,old_id,new_id,plan_id,restored_at',
        ...entries.map((e) => [e.entity, e.oldId, e.newId, e.planId, e.at].map(field).join(',')),
    ].join('\r\n') + '\r\n');
}
//# sourceMappingURL=ledger.js.map