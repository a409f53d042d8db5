/** What an export is asked to do, and what it reports having written. */
import type { SnapshotEntity } from './entities';

export type ExportFormat = 'json' | 'ndjson' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'ndjson', 'csv'];

export interface ExportOptions {
  format: ExportFormat;
  /** Created if missing. Nothing is written outside it. */
  outDir: string;
  /** Default: the captured entities, in snapshot order. */
  entities?: SnapshotEntity[];
  /** Replace files of the same names; otherwise an existing file is an error. */
  overwrite?: boolean;
  /** CSV only: start each file with a UTF-8 byte order mark (default true, for Excel). */
  bom?: boolean;
  signal?: AbortSignal;
  /** Called every few thousand rows and when an entity is done. */
  onProgress?: (p: { entity: string; rows: number }) => void;
}

export interface ExportedFile {
  /** The entity, or 'snapshot' for the single JSON document, or 'meta' for meta.json. */
  entity: string;
  file: string;
  /** Records in the file (all entities' for the JSON document; 1 for meta.json). */
  rows: number;
  bytes: number;
}

export interface ExportResult {
  /** Every file written, in the order written. */
  files: ExportedFile[];
  /** Records exported per entity. */
  counts: Partial<Record<SnapshotEntity, number>>;
}
