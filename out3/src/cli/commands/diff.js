"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerDiffCommand = registerDiffCommand;
exports.printDiff = printDiff;
exports.showValue = showValue;
exports.clean = clean;
const node_fs_1 = require("node:fs");
const diff_1 = require("../../core/snapshot/diff");
const entities_1 = require("../../core/snapshot/entities");
const compareSnapshots_1 = require("../../core/usecases/compareSnapshots");
const workProgress_1 = require("../workProgress");
const output_1 = require("../output");
const emulator_1 = require("./emulator");
const DEFAULT_TEXT_LIMIT = 20;
/** Field lines shown per changed record in text; an array shifted by one can change hundreds. */
const MAX_FIELD_LINES = 10;
const MAX_VALUE_CHARS = 60;
/**
 * `keap-vault diff A B`: what changed from snapshot A to B (B may be `live`). Records restored
 * under new ids (markers in B, the ledger's id map) are not differences. Exits 1 when there are
 * differences and 0 when there are none, so a script can ask "is the account as the snapshot?".
 */
function registerDiffCommand(program, io, options = {}) {
    program
        .command('diff')
        .description('compare two snapshots (B may be "live"); KEAP_VAULT_SNAPSHOT_KEY opens encrypted ones')
        .argument('<a>', 'the earlier snapshot file, or "latest": the newest of this account in the data folder (./latest for a file of that name)')
        .argument('<b>', 'the later snapshot file, or "live" for the account now (use ./live for a file of that name)')
        .option('--entity <list>', `only these entities (comma list of ${entities_1.SNAPSHOT_ENTITIES.join(', ')})`)
        .option('--ignore <paths>', 'also ignore these field paths (comma list; a bare name matches at any depth)')
        .option('--all-fields', `compare every field (by default ${diff_1.VOLATILE_FIELDS.join(', ')} are ignored)`)
        .option('--json', 'machine-readable output (every changed record unless --limit is given)')
        .option('--limit <n>', `changed records shown per entity (default ${DEFAULT_TEXT_LIMIT}; counts are always exact)`)
        .option('--ledger <file>', "the restore ledger whose id map pairs records restored under new ids (default: the account's beside A, if any)")
        .action(async (fileA, fileB, flags) => {
        if (fileA === 'live')
            throw new output_1.UsageError('live can only be the second side: keap-vault diff SNAPSHOT live');
        if (fileB === 'live' && !options.captureLive)
            throw new output_1.UsageError('Comparing with live needs a connection to the account; compare two snapshot files instead.');
        const entities = entitiesFlag(flags.entity);
        const ignore = [...(flags.allFields ? [] : diff_1.VOLATILE_FIELDS), ...listFlag(flags.ignore)];
        for (const path of ignore) {
            try {
                (0, diff_1.parsePath)(path);
            }
            catch (err) {
                throw new output_1.UsageError(`--ignore: ${err.message}`);
            }
        }
        const limit = flags.limit !== undefined ? (0, emulator_1.intFlag)(flags.limit, '--limit') : flags.json ? undefined : DEFAULT_TEXT_LIMIT;
        if (flags.ledger !== undefined && !(0, node_fs_1.existsSync)(flags.ledger))
            throw new output_1.UsageError(`--ledger: no ledger at ${flags.ledger}`);
        if (fileA === 'latest') {
            if (!options.latestSnapshot)
                throw new output_1.UsageError('"latest" needs a connection to the account; name the snapshot file instead.');
            fileA = await options.latestSnapshot();
        }
        const key = process.env.KEAP_VAULT_SNAPSHOT_KEY || undefined;
        const a = await (0, workProgress_1.openWithProgress)(fileA, key, !!flags.json);
        let b;
        try {
            b = fileB === 'live' ? await options.captureLive() : await (0, workProgress_1.openWithProgress)(fileB, key, !!flags.json);
            const { diff, ledgerFile } = await (0, compareSnapshots_1.compareSnapshots)({
                a,
                fileA,
                b,
                ledgerFile: flags.ledger,
                options: { entities, ignore, maxChangedRecords: limit },
                onLedgerWarning: (message) => io.err(`warning: ${clean(message)}`),
            });
            if (flags.json)
                (0, output_1.printJson)(io, diff);
            else
                printDiff(io, diff, { a: fileA, b: fileB, ledger: ledgerFile }, limit ?? DEFAULT_TEXT_LIMIT);
            const differences = diff.totals.added + diff.totals.removed + diff.totals.changed;
            if (differences)
                throw new output_1.FindingsFound(differences);
        }
        finally {
            a.close();
            b?.close();
        }
    });
}
function listFlag(value) {
    return (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
function entitiesFlag(value) {
    if (value === undefined)
        return undefined;
    const names = listFlag(value);
    const unknown = names.filter((n) => !entities_1.SNAPSHOT_ENTITIES.includes(n));
    if (unknown.length || !names.length)
        throw new output_1.UsageError(`--entity: unknown '${unknown.join(', ')}'; use ${entities_1.SNAPSHOT_ENTITIES.join(', ')}`);
    // Keep the canonical order so output reads the same however the list was typed.
    return entities_1.SNAPSHOT_ENTITIES.filter((e) => names.includes(e));
}
/**
 * Counts for every entity, then, for those that differ or hold restores, up to `limit` ids and
 * changed records each.
 */
function printDiff(io, diff, files, limit) {
    io.out(`A: ${describeSide(files.a, diff.a)}`);
    io.out(`B: ${describeSide(files.b, diff.b)}`);
    if (files.ledger)
        io.out(clean(`Restore ledger: ${files.ledger}`));
    for (const d of diff.entities)
        io.out(countsLine(d));
    for (const d of diff.entities) {
        if (!d.added.length && !d.removed.length && !d.changedCount && !d.restored.length)
            continue;
        io.out('');
        io.out(`${d.entity}:`);
        if (d.added.length && limit)
            io.out(`  added: ${idList(d.added, limit)}`);
        if (d.removed.length && limit)
            io.out(`  removed: ${idList(d.removed, limit)}`);
        if (d.restored.length && limit)
            io.out(`  restored under new ids: ${idList(d.restored.map((r) => `${r.oldId} -> ${r.newId}`), limit)}`);
        for (const record of d.changed.slice(0, limit)) {
            // A restored record is named by both ids: A's, and the one Keap gave its restore.
            io.out(`  ${clean(record.newId === undefined ? record.id : `${record.id} -> ${record.newId} (restored)`)}:`);
            for (const change of record.changes.slice(0, MAX_FIELD_LINES)) {
                io.out(`    ${clean(change.path)}: ${showValue(change.before)} -> ${showValue(change.after)}`);
            }
            if (record.changes.length > MAX_FIELD_LINES)
                io.out(`    … and ${(0, output_1.counted)(record.changes.length - MAX_FIELD_LINES, 'more field', 'more fields')}`);
        }
        const shown = Math.min(limit, d.changed.length);
        if (d.changedCount > shown)
            io.out(`  … and ${n(d.changedCount - shown)} more changed (raise --limit)`);
    }
    const t = diff.totals;
    const restores = restoreNote(diff.restored, diff.entities.reduce((k, d) => k + d.markerFields.length, 0));
    io.out('');
    if (t.added || t.removed || t.changed)
        io.out(`Total: +${n(t.added)} added, -${n(t.removed)} removed, ${n(t.changed)} changed${restores ? ` (${restores})` : ''}`);
    else
        io.out(restores ? `0 differences (${restores})` : 'No differences.');
}
/** "16 records restored under new ids, 1 restore marker field": what a restore did that is not a difference. */
function restoreNote(restored, markerFields) {
    return [
        restored && `${n(restored)} ${restored === 1 ? 'record' : 'records'} restored under new ids`,
        markerFields && `${n(markerFields)} restore marker ${markerFields === 1 ? 'field' : 'fields'}`,
    ]
        .filter(Boolean)
        .join(', ');
}
function describeSide(file, side) {
    const about = [side.snapshotId && `snapshot ${side.snapshotId}`, side.finishedAt && `taken ${side.finishedAt}`]
        .filter(Boolean)
        .join(', ');
    return clean(about ? `${file} (${about})` : file);
}
function countsLine(d) {
    const head = `${d.entity}: ${n(d.before)} -> ${n(d.after)}`;
    const restores = restoreNote(d.restoredCount, d.markerFields.length);
    const also = restores ? `; ${restores}` : '';
    if (!d.added.length && !d.removed.length && !d.changedCount)
        return `${head} (no differences${also})`;
    return `${head} (+${n(d.added.length)} added, -${n(d.removed.length)} removed, ${n(d.changedCount)} changed${also})`;
}
function idList(ids, shown) {
    const list = ids.slice(0, shown).map(clean).join(', ');
    return ids.length > shown ? `${list} … (+${n(ids.length - shown)} more)` : list;
}
const n = (value) => value.toLocaleString('en-US');
/** JSON-encoded and shortened; absent fields say so rather than print `undefined`. */
function showValue(value) {
    if (value === undefined)
        return '(absent)';
    const text = clean(JSON.stringify(value));
    const chars = [...text];
    return chars.length > MAX_VALUE_CHARS ? chars.slice(0, MAX_VALUE_CHARS - 1).join('') + '…' : text;
}
/** Removes what could move the cursor, recolour or reorder a terminal line: C0/C1 controls, bidi overrides. */
function clean(text) {
    // eslint-disable-next-line no-control-regex -- control characters are what this strips, so they cannot reach the terminal
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}
//# sourceMappingURL=diff.js.map