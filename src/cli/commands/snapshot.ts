import type { Command } from 'commander';
import { SnapshotDb } from '../../core/snapshot/snapshotDb';
import { takeSnapshot } from '../../core/usecases/takeSnapshot';
import { clientFromFlags, type ConnectionFlags } from '../connection';
import { counted, countedEntity, printJson, printTable, UsageError, type Io } from '../output';
import { captureProgressPrinter } from '../progress';
import { openWithProgress } from '../workProgress';
import { snapshotKey } from '../snapshotFlags';
import { promises as fs } from 'node:fs';
import { dataPaths } from '../../core/fs/dataDir';

interface SnapshotFlags {
  out?: string;
  dir?: string;
  since?: string;
  checkDeletions?: boolean;
  encrypt?: boolean;
  restart?: boolean;
  threshold: string;
  json?: boolean;
}

export function registerSnapshotCommands(program: Command, io: Io): void {
  program
    .command('snapshot')
    .description('capture the live account into a snapshot file (resumes an interrupted capture of the same file)')
    .option('--out <file>', 'snapshot file to write (default: <dir>/keap-<account>-<time>.kvsnap)')
    .option('--dir <folder>', `folder for snapshots (default: ${dataPaths().snapshots})`)
    .option('--since <snapshot>', 'incremental: read only what changed since this snapshot')
    .option('--check-deletions', 'incremental: also find records deleted since (a full id sweep)')
    .option('--encrypt', 'encrypt with the key in KEAP_VAULT_SNAPSHOT_KEY')
    .option('--restart', 'discard an interrupted capture and start over')
    .option('--threshold <fraction>', 'warn when an entity shrank by more than this since the previous snapshot', '0.2')
    .option('--json', 'machine-readable result')
    .action(async (flags: SnapshotFlags, command: Command) => {
      const client = clientFromFlags(command.optsWithGlobals<ConnectionFlags>());
      const key = snapshotKey(!!flags.encrypt);
      const threshold = Number(flags.threshold);
      if (!(threshold > 0 && threshold < 1)) throw new UsageError('--threshold must be a fraction between 0 and 1');
      if (flags.checkDeletions && !flags.since) throw new UsageError('--check-deletions goes with --since');
      const since = flags.since ? await SnapshotDb.open(flags.since, { key: snapshotKey() }) : undefined;
      const progress = captureProgressPrinter(io);
      const controller = new AbortController();
      const cancel = () => controller.abort(new UsageError('Capture cancelled; run the same command again to resume it.'));
      process.once('SIGINT', cancel);
      try {
        const result = await takeSnapshot({
          client,
          folder: flags.dir ?? dataPaths().snapshots,
          out: flags.out,
          encryptKey: flags.encrypt ? key : undefined,
          readKey: snapshotKey(),
          since,
          checkDeletions: flags.checkDeletions,
          anomalyThreshold: threshold,
          restart: flags.restart,
          signal: controller.signal,
          onProgress: (p) => progress.update(p),
        });
        progress.end();
        if (flags.json) return printJson(io, result);
        io.out(
          `${result.resumed ? 'Resumed and wrote' : 'Wrote'} ${result.file} (${counted(result.requests, 'request')}${result.meta.incrementalFrom ? `, incremental from ${result.meta.incrementalFrom}` : ''})`,
        );
        printCounts(io, result.meta.counts);
        if (result.deleted)
          io.out(
            `Deleted since: ${Object.entries(result.deleted)
              .map(([e, n]) => countedEntity(n, e))
              .join(', ')}`,
          );
        else if (result.meta.incrementalFrom) io.out('Records deleted in Keap since were not looked for (add --check-deletions).');
        for (const a of result.anomalies) io.err(`warning: ${a.message}`);
      } finally {
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
    .action(async (file: string, flags: { json?: boolean }) => {
      const db = await openWithProgress(file, snapshotKey(), !!flags.json);
      try {
        const meta = db.meta();
        const { size } = await fs.stat(file);
        if (flags.json) return printJson(io, { file, bytes: size, ...meta });
        io.out(`${file} (${(size / 1024).toFixed(0)} KiB), snapshot ${meta.snapshotId}`);
        io.out(
          `Account ${meta.account} at ${meta.apiBaseUrl}, captured ${meta.startedAt} - ${meta.finishedAt}${meta.requests !== undefined ? ` in ${counted(meta.requests, 'request')}` : ''}`,
        );
        if (meta.incrementalFrom)
          io.out(`Incremental from ${meta.incrementalFrom}${meta.deletionsChecked ? ', deletions checked' : ', deletions not checked'}`);
        io.out(
          `Format ${meta.format} v${meta.formatVersion} by Keap Vault ${meta.toolVersion}; checksum ${meta.checksum.slice(0, 16)}… verified`,
        );
        printCounts(io, meta.counts);
      } finally {
        db.close();
      }
    });
}

function printCounts(io: Io, counts: Record<string, number | undefined>): void {
  printTable(
    io,
    ['ENTITY', 'RECORDS'],
    Object.entries(counts).map(([entity, n]) => [entity, (n ?? 0).toLocaleString('en-US')]),
  );
}
