/**
 * Every record id a file holds, by entity, with the line it is first on: what tells a duplicate
 * and whether a payment's order is in the file. It is the one thing besides the snapshot's lookups
 * that grows with the file (an entry per record; the records themselves are dropped once checked),
 * so memory is capped: Keap's ids are integers, noted in a typed-array table (IdTable) of at most
 * `spillAt` ids an entity; a full table is sorted into a run in a temporary file (IdRun), of which
 * memory keeps about 1.3 bytes an id. Ids that are not integers (a file's own keys) go the same
 * way from a Map of at most `textSpillAt` (TextIdRun).
 *
 * Call `close()` when done: it deletes the temporary files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SnapshotEntity } from '../../snapshot/entities';
import { detachedText } from './detachedText';
import { IdRun } from './idRun';
import { IdTable } from '../../collections/idTable';
import { TextIdRun } from './textIdRun';

export interface FileIdsOptions {
  /** Integer ids an entity keeps in memory before they go to disk (default 2^19: a table of 12 MiB at most). */
  spillAt?: number;
  /** Other ids an entity keeps in memory before they go to disk (default 2^16: some 7 MiB). */
  textSpillAt?: number;
  /** Where the temporary folder goes (default the system's). */
  tempDir?: string;
}

const SPILL_AT = 1 << 19;
const TEXT_SPILL_AT = 1 << 16;

export class FileIds {
  private readonly byEntity = new Map<SnapshotEntity, IdLines>();
  private readonly spill: Spill;

  constructor(options: FileIdsOptions = {}) {
    this.spill = new Spill(options.spillAt ?? SPILL_AT, options.textSpillAt ?? TEXT_SPILL_AT, options.tempDir ?? tmpdir());
  }

  /** Notes an id; the line of an earlier record with the same entity and id, if there was one. */
  add(entity: SnapshotEntity, id: string, line: number): number | undefined {
    let ids = this.byEntity.get(entity);
    if (!ids) this.byEntity.set(entity, (ids = new IdLines(this.spill)));
    return ids.add(id, line);
  }

  has(entity: SnapshotEntity, id: string): boolean {
    return this.byEntity.get(entity)?.line(id) !== undefined;
  }

  /** Deletes the temporary files; the index is empty after. */
  close(): void {
    this.byEntity.clear();
    this.spill.close();
  }
}

/** The temporary folder the runs of every entity go to, made when the first one is written. */
class Spill {
  private dir: string | undefined;
  private readonly runs: Array<IdRun | TextIdRun> = [];

  constructor(
    readonly at: number,
    readonly textAt: number,
    private readonly tempDir: string,
  ) {}

  write(table: IdTable): IdRun {
    const { keys, lines } = table.sorted();
    const run = new IdRun(this.nextFile('bin'), keys, lines);
    this.runs.push(run);
    return run;
  }

  writeText(entries: ReadonlyMap<string, number>): TextIdRun {
    const run = new TextIdRun(this.nextFile('ndjson'), entries);
    this.runs.push(run);
    return run;
  }

  private nextFile(extension: string): string {
    this.dir ??= mkdtempSync(join(this.tempDir, 'keap-vault-ids-'));
    return join(this.dir, `run-${this.runs.length}.${extension}`);
  }

  close(): void {
    for (const run of this.runs.splice(0)) run.close();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

/** Largest id kept as a number: ids up to 2^53 - 1 are exact in a double. */
const MAX_NUMERIC = Number.MAX_SAFE_INTEGER;

/** Id -> first line, for one entity: integers in the table and their runs, the rest in a Map and theirs. */
class IdLines {
  private readonly table = new IdTable();
  /** Each id is in at most one place: the table (or Map) or one run (an id a run holds is never noted again). */
  private readonly runs: IdRun[] = [];
  private readonly others = new Map<string, number>();
  private readonly textRuns: TextIdRun[] = [];

  constructor(private readonly spill: Spill) {}

  add(id: string, line: number): number | undefined {
    const n = numericId(id);
    if (n === undefined) {
      const first = this.others.get(id) ?? this.inTextRuns(id);
      if (first !== undefined) return first;
      this.others.set(detachedText(id), line);
      if (this.others.size >= this.spill.textAt) {
        this.textRuns.push(this.spill.writeText(this.others));
        this.others.clear();
      }
      return undefined;
    }
    const spilled = this.inRuns(n);
    if (spilled !== undefined) return spilled;
    const first = this.table.add(n, line);
    if (first === undefined && this.table.size >= this.spill.at) {
      this.runs.push(this.spill.write(this.table));
      this.table.clear();
    }
    return first;
  }

  line(id: string): number | undefined {
    const n = numericId(id);
    if (n === undefined) return this.others.get(id) ?? this.inTextRuns(id);
    return this.table.line(n) ?? this.inRuns(n);
  }

  private inTextRuns(id: string): number | undefined {
    for (const run of this.textRuns) {
      const line = run.line(id);
      if (line !== undefined) return line;
    }
    return undefined;
  }

  private inRuns(n: number): number | undefined {
    for (const run of this.runs) {
      const line = run.line(n);
      if (line !== undefined) return line;
    }
    return undefined;
  }
}

/** The id as a positive integer when it is written as one (no sign, no leading zero), else undefined. */
function numericId(id: string): number | undefined {
  if (id.length === 0 || id.length > 16 || id.charCodeAt(0) === 48 /* '0' */) return undefined;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const n = Number(id);
  return n <= MAX_NUMERIC ? n : undefined;
}
