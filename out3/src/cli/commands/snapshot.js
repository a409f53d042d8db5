"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerSnapshotCommands = registerSnapshotCommands;
const snapshotDb_1 = require("../../core/snapshot/snapshotDb");
const takeSnapshot_1 = require("../../core/usecases/takeSnapshot");
const connection_1 = require("../connection");
const output_1 = require("../output");
const progress_1 = require("../progress");
const workProgress_1 = require("../workProgress");
const snapshotFlags_1 = require("../snapshotFlags");
const node_fs_1 = require("node:fs");
const dataDir_1 = require("../../core/fs/dataDir");
function registerSnapshotCommands(program, io) {
    program
        .command('snapshot')
        .description('capture the live account into a snapshot file (resumes an interrupted capture of the same file)')
        .option('--out <file>', 'snapshot file to write (default: <dir>/keap-<account>-<time>.kvsnap)')
        .option('--dir <folder>', `folder for snapshots (default: ${(0, dataDir_1.dataPaths)().snapshots})`)
        .option('--since <snapshot>', 'incremental: read only what changed since this snapshot')
        .option('--check-deletions', 'incremental: also find records deleted since (a full id sweep)')
        .option('--encrypt', 'encrypt with the key in KEAP_VAULT_SNAPSHOT_KEY')
        .option('--restart', 'discard an interrupted capture and start over')
        .option('--threshold <fraction>', 'warn when an entity shrank by more than this since the previous snapshot', '0.2')
        .option('--json', 'machine-readable result')
        .action(async (flags, command) => {
        const client = (0, connection_1.clientFromFlags)(command.optsWithGlobals());
        const key = (0, snapshotFlags_1.snapshotKey)(!!flags.encrypt);
        const threshold = Number(flags.threshold);
        if (!(threshold > 0 && threshold < 1))
            throw new output_1.UsageError('--threshold must be a fraction between 0 and 1');
        if (flags.checkDeletions && !flags.since)
            throw new output_1.UsageError('--check-deletions goes with --since');
        const since = flags.since ? await snapshotDb_1.SnapshotDb.open(flags.since, { key: (0, snapshotFlags_1.snapshotKey)() }) : undefined;
        const progress = (0, progress_1.captureProgressPrinter)(io);
        const controller = new AbortController();
        const cancel = () => controller.abort(new output_1.UsageError('Capture cancelled; run the same command again to resume it.'));
        process.once('SIGINT', cancel);
        try {
            const result = await (0, takeSnapshot_1.takeSnapshot)({
                client,
                folder: flags.dir ?? (0, dataDir_1.dataPaths)().snapshots,
                out: flags.out,
                encryptKey: flags.encrypt ? key : undefined,
                readKey: (0, snapshotFlags_1.snapshotKey)(),
                since,
                checkDeletions: flags.checkDeletions,
                anomalyThreshold: threshold,
                restart: flags.restart,
                signal: controller.signal,
                onProgress: (p) => progress.update(p),
            });
            progress.end();
            if (flags.json)
                return (0, output_1.printJson)(io, result);
            io.out(`${result.resumed ? 'Resumed and wrote' : 'Wrote'} ${result.file} (${(0, output_1.counted)(result.requests, 'request')}${result.meta.incrementalFrom ? `, incremental from ${result.meta.incrementalFrom}` : ''})`);
            printCounts(io, result.meta.counts);
            if (result.deleted)
                io.out(`Deleted since: ${Object.entries(result.deleted)
                    .map(([e, n]) => (0, output_1.countedEntity)(n, e))
                    .join(', ')}`);
            else if (result.meta.incrementalFrom)
                io.out('Records deleted in Keap since were not looked for (add --check-deletions).');
            for (const a of result.anomalies)
                io.err(`warning: ${a.message}`);
        }
        finally {
            progress.end();
            process.removeListener('SIGINT', cancel);
            since?.close();
        }
    });
    program
        .command('info')
        .description("show a snapshot's metadata and counts (verifies it)")
        .argument('<snapshot>', 'snapshot file')
        .option('--json', 'machine-readable output')
        .action(async (file, flags) => {
        const db = await (0, workProgress_1.openWithProgress)(file, (0, snapshotFlags_1.snapshotKey)(), !!flags.json);
        try {
            const meta = db.meta();
            const { size } = await node_fs_1.promises.stat(file);
            if (flags.json)
                return (0, output_1.printJson)(io, { file, bytes: size, ...meta });
            io.out(`${file} (${(size / 1024).toFixed(0)} KiB), snapshot ${meta.snapshotId}`);
            io.out(`Account ${meta.account} at ${meta.apiBaseUrl}, captured ${meta.startedAt} - ${meta.finishedAt}${meta.requests !== undefined ? ` in ${(0, output_1.counted)(meta.requests, 'request')}` : ''}`);
            if (meta.incrementalFrom)
                io.out(`Incremental from ${meta.incrementalFrom}${meta.deletionsChecked ? ', deletions checked' : ', deletions not checked'}`);
            io.out(`Format ${meta.format} v${meta.formatVersion} by Keap Vault ${meta.toolVersion}; checksum ${meta.checksum.slice(0, 16)}… verified`);
            printCounts(io, meta.counts);
        }
        finally {
            db.close();
        }
    });
}
function printCounts(io, counts) {
    (0, output_1.printTable)(io, ['ENTITY', 'RECORDS'], Object.entries(counts).map(([entity, n]) => [entity, (n ?? 0).toLocaleString('en-US')]));
}
//# sourceMappingURL=snapshot.js.map