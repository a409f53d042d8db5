"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerValidateCommand = registerValidateCommand;
const engine_1 = require("../../core/validate/engine");
const catalogue_1 = require("../../core/validate/catalogue");
const validateFile_1 = require("../../core/validate/files/validateFile");
const sarif_1 = require("../../core/validate/sarif");
const output_1 = require("../output");
const snapshotFlags_1 = require("../snapshotFlags");
const workProgress_1 = require("../workProgress");
/**
 * `keap-vault validate SNAPSHOT [FILE...]`: without files, the snapshot's integrity; with files,
 * those files (e.g. data about to be imported) checked against the snapshot. Exit code 1 when any
 * finding is an error, so CI can gate on it.
 */
function registerValidateCommand(program, io) {
    program
        .command('validate')
        .description("check a snapshot's integrity, or JSON/NDJSON/CSV files against a snapshot (exit 1 on errors)")
        .argument('<snapshot>', 'snapshot file')
        .argument('[files...]', 'Keap-shaped JSON, NDJSON or CSV files to check against the snapshot')
        .option('--rule <id...>', 'run only these rules')
        .option('--off <id...>', 'switch these rules off')
        .option('--severity <id=level...>', "change a rule's severity (error, warning, info)")
        .option('--format <format>', 'text, json or sarif', 'text')
        .option('--tolerance <cents>', 'rounding tolerance for totals, in cents')
        .option('--window <minutes>', 'how close together duplicate orders are')
        .action(async (snapshotFile, files, flags) => {
        if (!['text', 'json', 'sarif'].includes(flags.format))
            throw new output_1.UsageError('--format must be text, json or sarif');
        const options = validationOptions(flags);
        const quiet = flags.format !== 'text';
        const db = await (0, workProgress_1.openWithProgress)(snapshotFile, (0, snapshotFlags_1.snapshotKey)(), quiet);
        try {
            let findings;
            let ruleInfo;
            let checked;
            if (files.length) {
                findings = [];
                let records = 0;
                let skipped = 0;
                for (const file of files) {
                    // Read a piece at a time: memory stays flat however large the file (README → Validation of import files).
                    const result = await (0, validateFile_1.validateFileOnDisk)(db, file, { rules: options.rules });
                    findings.push(...result.findings);
                    records += result.records;
                    skipped += result.skipped;
                }
                ruleInfo = catalogue_1.RULE_CATALOGUE.filter((r) => validateFile_1.FILE_RULES.some((f) => f.id === r.id));
                checked = `${(0, output_1.counted)(records, 'record')} in ${(0, output_1.counted)(files.length, 'file')}${skipped ? ` (${skipped.toLocaleString('en-US')} of unknown kind skipped)` : ''}`;
            }
            else {
                const validating = (0, workProgress_1.workProgressPrinter)('Validating', quiet);
                const report = await (0, engine_1.validateSnapshotInSlices)(db, options, { onProgress: (p) => validating.update(p) }).finally(() => validating.end());
                findings = report.findings;
                ruleInfo = catalogue_1.RULE_CATALOGUE.filter((r) => report.rules.some((s) => s.id === r.id));
                checked = `${(0, output_1.counted)(report.rules.length, 'rule')} over ${snapshotFile}`;
            }
            if (flags.format === 'json')
                (0, output_1.printJson)(io, { findings });
            else if (flags.format === 'sarif')
                (0, output_1.printJson)(io, (0, sarif_1.toSarif)(findings, ruleInfo, files.length ? undefined : snapshotFile));
            else
                printText(io, findings, checked);
            const errors = findings.filter((f) => f.severity === 'error').length;
            if (errors)
                throw new output_1.FindingsFound(errors);
        }
        finally {
            db.close();
        }
    });
}
function validationOptions(flags) {
    const rules = {};
    for (const id of flags.off ?? [])
        rules[id] = 'off';
    for (const pair of flags.severity ?? []) {
        const [id, level] = pair.split('=');
        if (!id || !['error', 'warning', 'info', 'off'].includes(level))
            throw new output_1.UsageError(`--severity takes rule=level (error, warning, info, off), got '${pair}'`);
        rules[id] = level;
    }
    const number = (value, name) => {
        if (value === undefined)
            return undefined;
        const n = Number(value);
        if (!Number.isFinite(n) || n < 0)
            throw new output_1.UsageError(`${name} must be a number of at least 0`);
        return n;
    };
    for (const id of [...(flags.rule ?? []), ...Object.keys(rules)])
        if (!(0, catalogue_1.isKnownRule)(id))
            throw new output_1.UsageError(`Unknown rule '${id}'`);
    return {
        only: flags.rule,
        rules,
        settings: {
            ...(flags.tolerance !== undefined ? { roundingToleranceCents: number(flags.tolerance, '--tolerance') } : {}),
            ...(flags.window !== undefined ? { duplicateWindowMinutes: number(flags.window, '--window') } : {}),
        },
    };
}
/** `file:line:col: severity rule: message` for files (editors and problem matchers read it), `entity/id` otherwise. */
function printText(io, findings, checked) {
    // eslint-disable-next-line no-control-regex -- control characters are what this strips, so they cannot reach the terminal
    const clean = (s) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
    for (const f of findings) {
        const where = f.position ? `${f.position.file}:${f.position.line}:${f.position.column}` : `${f.entity}/${f.recordId}`;
        io.out(`${where}: ${f.severity} ${f.ruleId}: ${clean(f.message)}`);
    }
    const count = (s) => findings.filter((f) => f.severity === s).length;
    io.out(`${findings.length ? '' : 'No problems found. '}Checked ${checked}: ${(0, output_1.counted)(count('error'), 'error')}, ${(0, output_1.counted)(count('warning'), 'warning')}, ${(0, output_1.counted)(count('info'), 'note')}.`);
}
//# sourceMappingURL=validate.js.map