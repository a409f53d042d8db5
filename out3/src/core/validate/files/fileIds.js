"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FileIds = void 0;
/**
 * Every record id a file holds, by entity, with the line it is first on: what tells a duplicate
 * and whether a payment's order is in the file. It is the one thing besides the snapshot's lookups
 * that grows with the file (an entry per record; the records themselves are dropped once checked),
 * so memory is capped: Keap's ids are integers, noted in a typed-array table (IdTable) of at most
 * `spillAt` ids an entity; a full table is sorted into a run in a temporary file (IdRun), of which
 * memory keeps about 1.3 bytes an id. Ids that are not integers (a file's own keys) go the same
 * way from a Map of at most `textSpillAt` (TextIdRun).
 *
 * Call `close()` when done: it deletes the temporary files.
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const detachedText_1 = require("./detachedText");
const idRun_1 = require("./idRun");
const idTable_1 = require("./idTable");
const textIdRun_1 = require("./textIdRun");
const SPILL_AT = 1 << 19;
const TEXT_SPILL_AT = 1 << 16;
class FileIds {
    byEntity = new Map();
    spill;
    constructor(options = {}) {
        this.spill = new Spill(options.spillAt ?? SPILL_AT, options.textSpillAt ?? TEXT_SPILL_AT, options.tempDir ?? (0, node_os_1.tmpdir)());
    }
    /** Notes an id; the line of an earlier record with the same entity and id, if there was one. */
    add(entity, id, line) {
        let ids = this.byEntity.get(entity);
        if (!ids)
            this.byEntity.set(entity, (ids = new IdLines(this.spill)));
        return ids.add(id, line);
    }
    has(entity, id) {
        return this.byEntity.get(entity)?.line(id) !== undefined;
    }
    /** Deletes the temporary files; the index is empty after. */
    close() {
        this.byEntity.clear();
        this.spill.close();
    }
}
exports.FileIds = FileIds;
/** The temporary folder the runs of every entity go to, made when the first one is written. */
class Spill {
    at;
    textAt;
    tempDir;
    dir;
    runs = [];
    constructor(at, textAt, tempDir) {
        this.at = at;
        this.textAt = textAt;
        this.tempDir = tempDir;
    }
    write(table) {
        const { keys, lines } = table.sorted();
        const run = new idRun_1.IdRun(this.nextFile('bin'), keys, lines);
        this.runs.push(run);
        return run;
    }
    writeText(entries) {
        const run = new textIdRun_1.TextIdRun(this.nextFile('ndjson'), entries);
        this.runs.push(run);
        return run;
    }
    nextFile(extension) {
        this.dir ??= (0, node_fs_1.mkdtempSync)((0, node_path_1.join)(this.tempDir, 'keap-vault-ids-'));
        return (0, node_path_1.join)(this.dir, `run-${this.runs.length}.${extension}`);
    }
    close() {
        for (const run of this.runs.splice(0))
            run.close();
        if (this.dir)
            (0, node_fs_1.rmSync)(this.dir, { recursive: true, force: true });
        this.dir = undefined;
    }
}
/** Largest id kept as a number: ids up to 2^53 - 1 are exact in a double. */
const MAX_NUMERIC = Number.MAX_SAFE_INTEGER;
/** Id -> first line, for one entity: integers in the table and their runs, the rest in a Map and theirs. */
class IdLines {
    spill;
    table = new idTable_1.IdTable();
    /** Each id is in at most one place: the table (or Map) or one run (an id a run holds is never noted again). */
    runs = [];
    others = new Map();
    textRuns = [];
    constructor(spill) {
        this.spill = spill;
    }
    add(id, line) {
        const n = numericId(id);
        if (n === undefined) {
            const first = this.others.get(id) ?? this.inTextRuns(id);
            if (first !== undefined)
                return first;
            this.others.set((0, detachedText_1.detachedText)(id), line);
            if (this.others.size >= this.spill.textAt) {
                this.textRuns.push(this.spill.writeText(this.others));
                this.others.clear();
            }
            return undefined;
        }
        const spilled = this.inRuns(n);
        if (spilled !== undefined)
            return spilled;
        const first = this.table.add(n, line);
        if (first === undefined && this.table.size >= this.spill.at) {
            this.runs.push(this.spill.write(this.table));
            this.table.clear();
        }
        return first;
    }
    line(id) {
        const n = numericId(id);
        if (n === undefined)
            return this.others.get(id) ?? this.inTextRuns(id);
        return this.table.line(n) ?? this.inRuns(n);
    }
    inTextRuns(id) {
        for (const run of this.textRuns) {
            const line = run.line(id);
            if (line !== undefined)
                return line;
        }
        return undefined;
    }
    inRuns(n) {
        for (const run of this.runs) {
            const line = run.line(n);
            if (line !== undefined)
                return line;
        }
        return undefined;
    }
}
/** The id as a positive integer when it is written as one (no sign, no leading zero), else undefined. */
function numericId(id) {
    if (id.length === 0 || id.length > 16 || id.charCodeAt(0) === 48 /* '0' */)
        return undefined;
    for (let i = 0; i < id.length; i++) {
        const c = id.charCodeAt(i);
        if (c < 48 || c > 57)
            return undefined;
    }
    const n = Number(id);
    return n <= MAX_NUMERIC ? n : undefined;
}
//# sourceMappingURL=fileIds.js.map