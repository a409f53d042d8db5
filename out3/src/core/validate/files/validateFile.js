"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FileValidation = exports.FILE_RULES = void 0;
exports.validateSourceFile = validateSourceFile;
exports.validateFileOnDisk = validateFileOnDisk;
/**
 * Checks a file the developer is editing (JSON, NDJSON or CSV of Keap-shaped records, e.g. data
 * about to be imported) against a snapshot. Findings are the snapshot rules' `Finding`s, each with
 * the exact position of the offending field, for the Problems panel, the CLI and SARIF alike.
 *
 * The file is read a piece at a time and its records are checked a batch at a time, then dropped:
 * memory holds one batch, the file's ids (FileIds), the snapshot's lookups and the findings,
 * whatever the file's size.
 */
const node_fs_1 = require("node:fs");
const errors_1 = require("../errors");
const catalogue_1 = require("../catalogue");
const detachedText_1 = require("./detachedText");
const entityInference_1 = require("./entityInference");
const fileDecoding_1 = require("./fileDecoding");
const fileIds_1 = require("./fileIds");
const fileRule_1 = require("./fileRule");
const rules_1 = require("./rules");
const snapshotLookup_1 = require("./snapshotLookup");
const sourceRecords_1 = require("./sourceRecords");
const syntaxErrorList_1 = require("./syntaxErrorList");
var rules_2 = require("./rules");
Object.defineProperty(exports, "FILE_RULES", { enumerable: true, get: function () { return rules_2.FILE_RULES; } });
/** Records checked together: enough for few snapshot queries (each asks up to 500 ids), few enough to hold. */
const BATCH = 1000;
/** Checks text held in memory (an editor's document). */
function validateSourceFile(db, file, text, options = {}) {
    const validation = new FileValidation(db, file, options);
    try {
        validation.write(text);
        return validation.end();
    }
    finally {
        validation.close();
    }
}
/** Checks a file on disk, read a piece at a time: its bytes are decoded here (UTF-8, or UTF-16 with a byte order mark). */
async function validateFileOnDisk(db, file, options = {}) {
    const validation = new FileValidation(db, file, options);
    try {
        const decoding = new fileDecoding_1.FileDecoding({ text: (t) => validation.write(t), problem: (p) => validation.encodingProblem(p) });
        for await (const chunk of (0, node_fs_1.createReadStream)(file, { highWaterMark: options.chunkSize ?? 64 * 1024 }))
            decoding.write(chunk);
        decoding.end();
        return validation.end();
    }
    finally {
        validation.close();
    }
}
/** One file being checked: text goes in with `write`, the result comes out of `end`. */
class FileValidation {
    file;
    reader;
    runs = [];
    fileEntity;
    ids;
    syntaxErrors = new syntaxErrorList_1.SyntaxErrorList();
    entities = new Map();
    findings = [];
    batch = [];
    records = 0;
    skipped = 0;
    started = false;
    constructor(db, file, options = {}) {
        this.file = file;
        for (const id of Object.keys(options.rules ?? {})) {
            if (!(0, catalogue_1.isKnownRule)(id)) {
                throw new errors_1.ValidationSettingError('unknown-rule', `Unknown rule '${id}'; file rules are: ${rules_1.FILE_RULES.map((r) => r.id).join(', ')}`, id);
            }
        }
        this.ids = new fileIds_1.FileIds(options.idIndex);
        const format = (0, sourceRecords_1.chosenFormat)(file, options.format);
        this.fileEntity = (0, sourceRecords_1.entityFromFileName)(file);
        const context = { file, snapshot: new snapshotLookup_1.SnapshotLookup(db), ids: this.ids };
        for (const [order, rule] of rules_1.FILE_RULES.entries()) {
            const severity = options.rules?.[rule.id] ?? rule.severity;
            if (severity !== 'off')
                this.runs.push({ rule, order, severity, run: rule.start(context) });
        }
        this.reader = (0, sourceRecords_1.recordReader)(format, file, this.fileEntity, { record: (r) => this.record(r), syntaxError: (e) => this.syntaxErrors.add(e) }, options);
    }
    write(text) {
        if (!this.started) {
            this.started = true;
            text = (0, sourceRecords_1.withoutBom)(text);
        }
        this.reader.write(text);
    }
    /** Bytes that are not text in the file's encoding: a syntax finding at the replacement character. */
    encodingProblem(problem) {
        const { line, column } = problem.at;
        this.syntaxErrors.add({ message: problem.message, position: { file: this.file, line, column, endLine: line, endColumn: column + 1 } });
    }
    /** Lets go of the id index's temporary files, after `end` or a check given up half way. */
    close() {
        this.ids.close();
    }
    end() {
        this.reader.end();
        this.checkBatch();
        const fileEntity = this.fileEntity ?? mostCommon(this.entities) ?? 'contacts';
        const syntaxErrors = this.syntaxErrors.list();
        for (const { run, rule, order, severity } of this.runs) {
            this.keep(run.finish?.({ syntaxErrors, fileEntity }) ?? [], rule, order, severity);
        }
        // File order, as an editor lists them; rules keep their order on the same spot.
        const findings = this.findings
            .sort((a, b) => (a.finding.position?.line ?? 0) - (b.finding.position?.line ?? 0) ||
            (a.finding.position?.column ?? 0) - (b.finding.position?.column ?? 0) ||
            a.order - b.order)
            .map((f) => f.finding);
        return { findings, records: this.records, skipped: this.skipped };
    }
    record(source) {
        this.records++;
        const entity = source.entity ?? (0, entityInference_1.inferEntity)(source.record);
        if (!entity) {
            this.skipped++;
            return;
        }
        this.entities.set(entity, (this.entities.get(entity) ?? 0) + 1);
        const id = (0, fileRule_1.idText)(source.record.id);
        const firstLine = id === undefined ? undefined : this.ids.add(entity, id, source.position.line);
        this.batch.push({ source, entity, id, recordId: id ?? `#${source.index}`, firstLine });
        if (this.batch.length >= BATCH)
            this.checkBatch();
    }
    checkBatch() {
        const batch = this.batch;
        this.batch = [];
        if (!batch.length)
            return;
        for (const { run, rule, order, severity } of this.runs)
            this.keep(run.check(batch), rule, order, severity);
    }
    keep(findings, rule, order, severity) {
        for (const f of findings)
            this.findings.push({ finding: (0, detachedText_1.detachedFinding)({ ...f, ruleId: rule.id, severity }), order });
    }
}
exports.FileValidation = FileValidation;
/** The entity most records are; on a tie, the one met first. */
function mostCommon(counts) {
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
//# sourceMappingURL=validateFile.js.map