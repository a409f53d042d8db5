/**
 * Stale Keap ids in a working tree, for pipelines (`keap-vault remap`): every file under the paths
 * given is scanned for ids an applied restore re-created under new ids (or could not restore), and
 * with `write` rewritten in place, one file at a time, atomically, keeping its permissions. A file
 * is never written when its rewrite would not read back (see integration/rewrite.ts), nor when it
 * changed on disk while it was being read.
 */
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../fs/atomicWrite';
import type { RemapTable } from '../integration/idMap';
import { walkFiles, type WalkOptions } from '../integration/fileWalk';
import { rewriteBytes, type IdEdit, type RefusalReason, type StaleId } from '../integration/rewrite';
import { unifiedDiff } from '../integration/unifiedDiff';

export interface RemapOptions extends WalkOptions {
  /** Rewrite the files in place. */
  write?: boolean;
  /** How a file is named in diffs and reports (the CLI: relative to the working folder). */
  displayName?: (file: string) => string;
}

export interface FileRemap {
  file: string;
  stale: StaleId[];
  /** Written with these edits (only with `write`). */
  edits: IdEdit[];
  /** The unified diff of what was written. */
  diff?: string;
  /** Not written: why. */
  refused?: { reason: RefusalReason | 'changed'; message: string };
}

export interface RemapReport {
  scanned: number;
  skipped: Array<{ file: string; why: string }>;
  /** Files with stale ids, in walk order. */
  files: FileRemap[];
}

export async function remapIds(paths: readonly string[], table: RemapTable, options: RemapOptions = {}): Promise<RemapReport> {
  const report: RemapReport = { scanned: 0, skipped: [], files: [] };
  const name = options.displayName ?? ((f: string) => f);
  for await (const item of walkFiles(paths, options)) {
    if ('skipped' in item) {
      report.skipped.push({ file: item.file, why: item.skipped });
      continue;
    }
    const bytes = await fs.readFile(item.file);
    const result = rewriteBytes(bytes, table, item.file);
    if (!result) {
      report.skipped.push({ file: item.file, why: 'binary' });
      continue;
    }
    report.scanned++;
    if ('refused' in result) {
      // Listed all the same; only the write is refused.
      report.files.push({ file: item.file, stale: result.stale, edits: [], refused: { reason: result.refused, message: result.message } });
      continue;
    }
    if (!result.stale.length) continue;
    const entry: FileRemap = { file: item.file, stale: result.stale, edits: [] };
    report.files.push(entry);
    if (!options.write || !result.edits.length) continue;
    const before = await fs.stat(item.file);
    const now = await fs.readFile(item.file);
    if (!now.equals(bytes)) {
      entry.refused = { reason: 'changed', message: 'it changed on disk while it was being read: run again' };
      continue;
    }
    await writeFileAtomic(item.file, result.bytes, { mode: before.mode });
    entry.edits = result.edits;
    entry.diff = unifiedDiff(result.before, result.text, `a/${name(item.file)}`, `b/${name(item.file)}`);
  }
  return report;
}
