/**
 * The files of one export. Files are written under temporary names inside the output folder and
 * renamed only once every file of the export is complete: a failed or cancelled export leaves
 * nothing under a final name. The format writers (exportJson.ts, exportCsv.ts) write through it.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { syncDir } from '../fs/atomicWrite';
import type { SnapshotEntity } from './entities';
import { FileSink, renameNoClobber, safeJoin } from './exportFiles';
import type { ExportedFile, ExportOptions } from './exportTypes';
import type { SnapshotDb } from './snapshotDb';

const PROGRESS_EVERY = 5000;

/** The files of one export: written under temporary names, then committed together. */
export class ExportRun {
  readonly files: ExportedFile[] = [];
  readonly counts: Partial<Record<SnapshotEntity, number>> = {};
  private readonly pending: Array<{ tmp: string; target: string }> = [];
  private open?: FileSink;

  constructor(
    readonly db: SnapshotDb,
    private readonly outDir: string,
    readonly options: ExportOptions,
  ) {}

  async writeText(entity: string, name: string, text: string, rows: number): Promise<void> {
    const sink = await this.create(name);
    sink.push(text);
    await this.done(sink, entity, undefined, rows);
  }

  /** Renames every temporary file to its final name. Without overwrite, a file that appeared meanwhile is still refused. */
  async commit(overwrite: boolean): Promise<void> {
    const committed: string[] = [];
    try {
      for (const { tmp, target } of this.pending) {
        await (overwrite ? fs.rename(tmp, target) : renameNoClobber(tmp, target));
        committed.push(target);
      }
    } catch (err) {
      // New files only (no overwrite): take them back so the export is all or nothing.
      if (!overwrite) for (const file of committed) await fs.rm(file, { force: true });
      throw err;
    }
    this.pending.length = 0;
    await syncDir(this.outDir);
  }

  /** Removes every temporary file; final names are never touched. */
  async discard(): Promise<void> {
    await this.open?.destroy();
    this.open = undefined;
    for (const { tmp } of this.pending.splice(0)) await fs.rm(tmp, { force: true });
  }

  /** Opens a new file of this export under a temporary name; `name` is its final name. */
  async create(name: string): Promise<FileSink> {
    const target = safeJoin(this.outDir, name);
    const tmp = safeJoin(this.outDir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.pending.push({ tmp, target });
    this.open = await FileSink.open(tmp, this.options.signal);
    return this.open;
  }

  /** Closes the file `create` opened last and records it; `counted` is the entity whose rows it holds, if one. */
  async done(sink: FileSink, entity: string, counted: SnapshotEntity | undefined, rows: number): Promise<void> {
    const bytes = await sink.close();
    this.open = undefined;
    this.files.push({ entity, file: this.pending[this.pending.length - 1].target, rows, bytes });
    if (counted) {
      this.counts[counted] = rows;
      this.options.onProgress?.({ entity: counted, rows });
    }
  }

  /** Per row: stops on abort, and reports progress every few thousand rows. */
  tick(entity: string, rows: number): void {
    this.options.signal?.throwIfAborted();
    if (rows % PROGRESS_EVERY === 0) this.options.onProgress?.({ entity, rows });
  }
}
