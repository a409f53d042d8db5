"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerExportCommand = registerExportCommand;
const entities_1 = require("../../core/snapshot/entities");
const export_1 = require("../../core/snapshot/export");
const workProgress_1 = require("../workProgress");
const output_1 = require("../output");
function registerExportCommand(program, io) {
    program
        .command('export')
        .description('export a snapshot to JSON, NDJSON or CSV files (key of an encrypted snapshot from KEAP_VAULT_SNAPSHOT_KEY)')
        .argument('<snapshot>', 'the snapshot file')
        .requiredOption('--format <format>', export_1.EXPORT_FORMATS.join('|'))
        .requiredOption('--out <dir>', 'folder to write into (created if missing)')
        .option('--entity <list>', `comma list of entities (default: the captured ones; also ${entities_1.DERIVED_ENTITIES.join(', ')})`)
        .option('--overwrite', 'replace files of the same names')
        .option('--no-bom', 'CSV: no UTF-8 byte order mark (Excel needs it to show non-ASCII text right)')
        .option('--json', 'machine-readable output')
        .action(async (snapshot, flags) => {
        const format = formatFlag(flags.format);
        const entities = flags.entity === undefined ? undefined : entityFlag(flags.entity);
        const db = await (0, workProgress_1.openWithProgress)(snapshot, process.env.KEAP_VAULT_SNAPSHOT_KEY, !!flags.json);
        // Ctrl-C cancels cleanly (temporary files removed); a second one ends the process as usual.
        const controller = new AbortController();
        const onSigint = () => controller.abort(new export_1.ExportCancelledError('Export cancelled (Ctrl-C); no files were written.'));
        process.once('SIGINT', onSigint);
        try {
            const result = await (0, export_1.exportSnapshot)(db, {
                format,
                outDir: flags.out,
                entities,
                overwrite: flags.overwrite,
                bom: flags.bom,
                signal: controller.signal,
            });
            if (flags.json)
                return (0, output_1.printJson)(io, result);
            const width = Math.max(...result.files.map((f) => f.entity.length));
            for (const f of result.files)
                io.out(`${f.entity.padEnd(width)}  ${(0, output_1.counted)(f.rows, 'row ', 'rows').padStart(14)}  ${f.file}`);
        }
        finally {
            process.removeListener('SIGINT', onSigint);
            db.close();
        }
    });
}
function formatFlag(value) {
    if (!export_1.EXPORT_FORMATS.includes(value))
        throw new output_1.UsageError(`--format must be one of ${export_1.EXPORT_FORMATS.join(', ')} (got '${value}')`);
    return value;
}
function entityFlag(value) {
    const list = value
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
    const unknown = list.filter((e) => !entities_1.SNAPSHOT_ENTITIES.includes(e));
    if (unknown.length)
        throw new output_1.UsageError(`--entity: unknown ${unknown.map((e) => `'${e}'`).join(', ')}; choose from ${entities_1.SNAPSHOT_ENTITIES.join(', ')}`);
    if (!list.length)
        throw new output_1.UsageError('--entity: name at least one entity');
    return list;
}
//# sourceMappingURL=export.js.map