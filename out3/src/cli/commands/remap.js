"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerRemapCommand = registerRemapCommand;
const node_path_1 = __importDefault(require("node:path"));
const fileWalk_1 = require("../../core/integration/fileWalk");
const idKinds_1 = require("../../core/integration/idKinds");
const idMapFile_1 = require("../../core/integration/idMapFile");
const remapIds_1 = require("../../core/usecases/remapIds");
const output_1 = require("../output");
/**
 * `keap-vault remap --idmap FILE [PATHS…]`: the Keap ids in a working tree that applied restores made
 * stale, for CI (exit 1 when there are any) and for fixing them (`--write`, with a unified diff).
 */
function registerRemapCommand(program, io) {
    program
        .command('remap')
        .description('find Keap ids in code and files that a restore re-created under new ids (or could not restore); --write fixes them')
        .argument('[paths...]', 'files and folders to scan (default: the current folder)')
        .requiredOption('--idmap <file>', 'the id map: a ledger (.kvledger), or what keap-vault idmap writes (CSV or JSON)')
        .option('--write', 'rewrite the ids in place (each file atomically, only in recognised places) and print a unified diff')
        .option('--json', 'print the occurrences as JSON')
        .option('--max-bytes <n>', 'skip files larger than this', String(fileWalk_1.DEFAULT_MAX_BYTES))
        .option('--no-gitignore', 'also scan what .gitignore files ignore')
        .addHelpText('after', '\nExit code: 0 when no stale id is left, 1 when some are (listed; with --write, those it could not rewrite: records that were not restored, files it would not write), 2 on usage errors.')
        .action(async (paths, flags) => {
        const maxBytes = Number(flags.maxBytes);
        if (!Number.isInteger(maxBytes) || maxBytes <= 0)
            throw new output_1.UsageError(`--max-bytes takes a number of bytes; got '${flags.maxBytes}'`);
        const table = await (0, idMapFile_1.readIdMapFile)(flags.idmap);
        const display = (file) => node_path_1.default.relative(process.cwd(), file).split(node_path_1.default.sep).join('/') || '.';
        const report = await (0, remapIds_1.remapIds)(paths.length ? paths : ['.'], table, {
            write: !!flags.write,
            maxBytes,
            gitignore: flags.gitignore,
            displayName: display,
        });
        const left = leftOver(report);
        if (flags.json)
            (0, output_1.printJson)(io, jsonReport(report, flags.idmap, display, !!flags.write));
        else
            printReport(io, report, table.size, display, !!flags.write);
        if (left)
            throw new output_1.FindingsFound(left);
    });
}
/** Stale ids still in the files: all of them, or with --write those not rewritten. */
function leftOver(report) {
    return report.files.reduce((n, f) => n + f.stale.length - f.edits.length, 0);
}
function printReport(io, report, mapSize, display, write) {
    for (const f of report.files) {
        if (f.diff)
            io.out(f.diff.trimEnd());
        const written = new Set(f.edits.map((e) => e.offset));
        for (const { occurrence: o, remap } of f.stale) {
            if (written.has(o.offset))
                continue;
            const what = remap.newId
                ? `${o.kind} ${o.id} -> ${remap.newId} (restored ${remap.at.slice(0, 10)}, plan ${remap.planId})`
                : `${o.kind} ${o.id} is gone from Keap and was not restored (plan ${remap.planId})`;
            io.out(`${display(f.file)}:${o.line}:${o.column}: ${what} [${o.context}]`);
        }
        if (f.refused)
            io.out(`${display(f.file)}: not rewritten: ${f.refused.message}`);
    }
    const found = report.files.reduce((n, f) => n + f.stale.length, 0);
    const rewritten = report.files.reduce((n, f) => n + f.edits.length, 0);
    const skipped = report.skipped.length
        ? `; ${(0, output_1.counted)(report.skipped.length, 'file')} skipped: ${report.skipped
            .slice(0, 3)
            .map((s) => `${display(s.file)} (${s.why})`)
            .join(', ')}${report.skipped.length > 3 ? ', …' : ''}`
        : '';
    const scanned = `${(0, output_1.counted)(report.scanned, 'file')} scanned against ${(0, output_1.counted)(mapSize, 'remapped id')}${skipped}`;
    if (!found)
        return io.out(`No stale Keap ids (${scanned}).`);
    const inFiles = `${(0, output_1.counted)(report.files.length, 'file')}`;
    if (!write) {
        const fixable = report.files.reduce((n, f) => n + f.stale.filter((s) => s.remap.newId).length, 0);
        io.out(`${(0, output_1.counted)(found, 'stale Keap id')} in ${inFiles} (${scanned}).${fixable ? ` ${(0, output_1.counted)(fixable, 'has', 'have')} a new id: rewrite with --write.` : ''}`);
        return;
    }
    const left = found - rewritten;
    io.out(`Rewrote ${(0, output_1.counted)(rewritten, 'id')} in ${(0, output_1.counted)(report.files.filter((f) => f.edits.length).length, 'file')}` +
        `${left ? `; ${(0, output_1.counted)(left, 'stale id')} left (listed above)` : ''} (${scanned}).`);
}
function jsonReport(report, idMap, display, write) {
    const occurrence = (f) => f.stale.map(({ occurrence: o, remap }) => ({
        line: o.line,
        column: o.column,
        kind: o.kind,
        label: idKinds_1.KIND_LABEL[o.kind],
        oldId: o.id,
        newId: remap.newId ?? null,
        restored: !!remap.newId,
        planId: remap.planId,
        at: remap.at,
        context: o.context,
        rule: o.rule,
        rewritten: f.edits.some((e) => e.offset === o.offset),
    }));
    return {
        idMap,
        write,
        scanned: report.scanned,
        skipped: report.skipped.map((s) => ({ file: display(s.file), why: s.why })),
        found: report.files.reduce((n, f) => n + f.stale.length, 0),
        rewritten: report.files.reduce((n, f) => n + f.edits.length, 0),
        files: report.files.map((f) => ({
            file: display(f.file),
            occurrences: occurrence(f),
            ...(f.refused ? { notRewritten: f.refused.message } : {}),
        })),
    };
}
//# sourceMappingURL=remap.js.map