/**
 * Exports a snapshot to files people and other tools can read: one JSON document, NDJSON per
 * entity, or CSV per entity. Rows stream from the snapshot's cursor into write streams with
 * backpressure, so memory does not grow with the number of rows.
 *
 * Files are written under temporary names inside `outDir` and renamed only once every file of the
 * export is complete: a failed or cancelled export leaves nothing under a final name. File names
 * come from entity names only (never from data) and are checked to stay inside `outDir`. Files are
 * created 0600, like snapshots, since they hold personal data.
 *
 * Entities: by default the captured ones (Keap's records as returned). The derived tables
 * (order_items, subscription_plans, contact_tags) copy data already inline in their parent; they are
 * exported only when asked for, each record with its parent's id added under the parent column
 * name (`order_id`, `product_id`, `contact_id`), as the stored JSON alone does not say whose it is.
 *
 * This module checks the request and runs the export; the parts live beside it: exportTypes.ts
 * (options and result), exportErrors.ts, exportRun.ts (the files of one export, committed
 * together), exportFiles.ts (safe names, 0600 streams, no-clobber renames), exportRecords.ts (the
 * records read, derived ones with their parent's id), and one module per format: exportJson.ts
 * (JSON document, NDJSON) and exportCsv.ts (CSV, with its rules). Everything is re-exported here,
 * so callers import from './export'.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CAPTURED_ENTITIES, SNAPSHOT_ENTITIES, type SnapshotEntity } from './entities';
import { writeCsv } from './exportCsv';
import { ExportEntityError, ExportFormatError } from './exportErrors';
import { refuseExisting, safeJoin } from './exportFiles';
import { writeJsonDocument, writeNdjson } from './exportJson';
import { ExportRun } from './exportRun';
import { EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportResult } from './exportTypes';
import type { SnapshotDb } from './snapshotDb';

export { EXPORT_FORMATS, type ExportedFile, type ExportFormat, type ExportOptions, type ExportResult } from './exportTypes';
export {
  ExportCancelledError,
  ExportEntityError,
  ExportError,
  ExportExistsError,
  ExportFormatError,
  ExportPathError,
  type ExportErrorKind,
} from './exportErrors';
export { safeJoin } from './exportFiles';
export { csvField, flattenRecord, neutralise } from './exportCsv';

export async function exportSnapshot(db: SnapshotDb, options: ExportOptions): Promise<ExportResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  const entities = checkedEntities(options.entities);
  const outDir = path.resolve(options.outDir);
  const names = fileNames(options.format, entities);
  const targets = names.map((name) => safeJoin(outDir, name));
  await fs.mkdir(outDir, { recursive: true });
  if (!options.overwrite) for (const target of targets) await refuseExisting(target);

  const run = new ExportRun(db, outDir, options);
  try {
    if (options.format === 'json') await writeJsonDocument(run, entities);
    else {
      for (const entity of entities) await (options.format === 'csv' ? writeCsv(run, entity) : writeNdjson(run, entity));
      if (options.format === 'ndjson') await run.writeText('meta', 'meta.json', JSON.stringify(db.meta(), null, 2) + '\n', 1);
    }
    signal?.throwIfAborted();
    await run.commit(!!options.overwrite);
  } catch (err) {
    await run.discard();
    if (signal?.aborted) throw signal.reason;
    throw err;
  }
  return { files: run.files, counts: run.counts };
}

function checkedEntities(requested: readonly string[] | undefined): SnapshotEntity[] {
  if (requested === undefined) return [...CAPTURED_ENTITIES];
  const unknown = requested.filter((e) => !(SNAPSHOT_ENTITIES as readonly string[]).includes(e));
  if (unknown.length) {
    throw new ExportEntityError(
      `Unknown entit${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((e) => `'${e}'`).join(', ')}; a snapshot has ${SNAPSHOT_ENTITIES.join(', ')}.`,
    );
  }
  if (!requested.length) throw new ExportEntityError('No entities to export.');
  return [...new Set(requested as SnapshotEntity[])];
}

function fileNames(format: ExportFormat, entities: readonly SnapshotEntity[]): string[] {
  switch (format) {
    case 'json':
      return ['snapshot.json'];
    case 'ndjson':
      return [...entities.map((e) => `${e}.ndjson`), 'meta.json'];
    case 'csv':
      return entities.map((e) => `${e}.csv`);
    default:
      throw new ExportFormatError(`Unknown export format '${String(format)}'; use ${EXPORT_FORMATS.join(', ')}.`);
  }
}
