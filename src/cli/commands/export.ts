import type { Command } from 'commander';
import { DERIVED_ENTITIES, SNAPSHOT_ENTITIES, type SnapshotEntity } from '../../core/snapshot/entities';
import { EXPORT_FORMATS, ExportCancelledError, exportSnapshot, type ExportFormat } from '../../core/snapshot/export';
import { openWithProgress } from '../workProgress';
import { counted, printJson, UsageError, type Io } from '../output';

interface ExportFlags {
  format: string;
  out: string;
  entity?: string;
  overwrite?: boolean;
  bom: boolean;
  json?: boolean;
}

export function registerExportCommand(program: Command, io: Io): void {
  program
    .command('export')
    .description('export a snapshot to JSON, NDJSON or CSV files (key of an encrypted snapshot from KEAP_VAULT_SNAPSHOT_KEY)')
    .argument('<snapshot>', 'the snapshot file')
    .requiredOption('--format <format>', EXPORT_FORMATS.join('|'))
    .requiredOption('--out <dir>', 'folder to write into (created if missing)')
    .option('--entity <list>', `comma list of entities (default: the captured ones; also ${DERIVED_ENTITIES.join(', ')})`)
    .option('--overwrite', 'replace files of the same names')
    .option('--no-bom', 'CSV: no UTF-8 byte order mark (Excel needs it to show non-ASCII text right)')
    .option('--json', 'machine-readable output')
    .action(async (snapshot: string, flags: ExportFlags) => {
      const format = formatFlag(flags.format);
      const entities = flags.entity === undefined ? undefined : entityFlag(flags.entity);
      const db = await openWithProgress(snapshot, process.env.KEAP_VAULT_SNAPSHOT_KEY, !!flags.json);
      // Ctrl-C cancels cleanly (temporary files removed); a second one ends the process as usual.
      const controller = new AbortController();
      const onSigint = () => controller.abort(new ExportCancelledError('Export cancelled (Ctrl-C); no files were written.'));
      process.once('SIGINT', onSigint);
      try {
        const result = await exportSnapshot(db, {
          format,
          outDir: flags.out,
          entities,
          overwrite: flags.overwrite,
          bom: flags.bom,
          signal: controller.signal,
        });
        if (flags.json) return printJson(io, result);
        const width = Math.max(...result.files.map((f) => f.entity.length));
        for (const f of result.files) io.out(`${f.entity.padEnd(width)}  ${counted(f.rows, 'row ', 'rows').padStart(14)}  ${f.file}`);
      } finally {
        process.removeListener('SIGINT', onSigint);
        db.close();
      }
    });
}

function formatFlag(value: string): ExportFormat {
  if (!(EXPORT_FORMATS as readonly string[]).includes(value))
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')} (got '${value}')`);
  return value as ExportFormat;
}

function entityFlag(value: string): SnapshotEntity[] {
  const list = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const unknown = list.filter((e) => !(SNAPSHOT_ENTITIES as readonly string[]).includes(e));
  if (unknown.length)
    throw new UsageError(`--entity: unknown ${unknown.map((e) => `'${e}'`).join(', ')}; choose from ${SNAPSHOT_ENTITIES.join(', ')}`);
  if (!list.length) throw new UsageError('--entity: name at least one entity');
  return list as SnapshotEntity[];
}
