/**
 * Checks a file the developer is editing (JSON, NDJSON or CSV of Keap-shaped records, e.g. data
 * about to be imported) against a snapshot. Findings are the snapshot rules' `Finding`s, each with
 * the exact position of the offending field, for the Problems panel, the CLI and SARIF alike.
 *
 * The file is read a piece at a time and its records are checked a batch at a time, then dropped:
 * memory holds one batch, the file's ids (FileIds), the snapshot's lookups and the findings,
 * whatever the file's size.
 */
import { createReadStream } from 'node:fs';
import type { SnapshotEntity } from '../../snapshot/entities';
import type { SnapshotDb } from '../../snapshot/snapshotDb';
import type { RuleSetting } from '../engine';
import { ValidationSettingError } from '../errors';
import type { Finding, Severity } from '../rule';
import { isKnownRule } from '../catalogue';
import { detachedFinding } from './detachedText';
import { inferEntity } from './entityInference';
import { FileDecoding, type EncodingProblem } from './fileDecoding';
import { FileIds, type FileIdsOptions } from './fileIds';
import { idText, type FileFinding, type FileRecord, type FileRule, type FileRuleRun } from './fileRule';
import { FILE_RULES } from './rules';
import { SnapshotLookup } from './snapshotLookup';
import {
  chosenFormat,
  entityFromFileName,
  recordReader,
  withoutBom,
  type ReaderOptions,
  type RecordReader,
  type SourceFormat,
  type SourceRecord,
} from './sourceRecords';
import { SyntaxErrorList } from './syntaxErrorList';

export { FILE_RULES } from './rules';
export type { FileRule } from './fileRule';

export interface FileValidationOptions extends ReaderOptions {
  /** Default: from the file's extension. */
  format?: SourceFormat;
  /** Per file rule id: another severity, or 'off'. Snapshot rule ids are allowed and ignored, so settings can be shared. */
  rules?: Record<string, RuleSetting>;
  /** How the file's ids are held (tests make it spill to disk early). */
  idIndex?: FileIdsOptions;
}

export interface FileReadOptions extends FileValidationOptions {
  /** Bytes read at a time (default 64 KiB; tests make it small to cut records across pieces). */
  chunkSize?: number;
}

export interface FileValidationResult {
  findings: Finding[];
  /** Records read (syntax errors aside), skipped ones included. */
  records: number;
  /** Records whose entity neither the file said nor their fields showed: not checked. */
  skipped: number;
}

/** Records checked together: enough for few snapshot queries (each asks up to 500 ids), few enough to hold. */
const BATCH = 1000;

/** Checks text held in memory (an editor's document). */
export function validateSourceFile(db: SnapshotDb, file: string, text: string, options: FileValidationOptions = {}): FileValidationResult {
  const validation = new FileValidation(db, file, options);
  try {
    validation.write(text);
    return validation.end();
  } finally {
    validation.close();
  }
}

/** Checks a file on disk, read a piece at a time: its bytes are decoded here (UTF-8, or UTF-16 with a byte order mark). */
export async function validateFileOnDisk(db: SnapshotDb, file: string, options: FileReadOptions = {}): Promise<FileValidationResult> {
  const validation = new FileValidation(db, file, options);
  try {
    const decoding = new FileDecoding({ text: (t) => validation.write(t), problem: (p) => validation.encodingProblem(p) });
    for await (const chunk of createReadStream(file, { highWaterMark: options.chunkSize ?? 64 * 1024 })) decoding.write(chunk as Buffer);
    decoding.end();
    return validation.end();
  } finally {
    validation.close();
  }
}

interface RuleRun {
  rule: FileRule;
  order: number;
  severity: Severity;
  run: FileRuleRun;
}

/** One file being checked: text goes in with `write`, the result comes out of `end`. */
export class FileValidation {
  private readonly reader: RecordReader;
  private readonly runs: RuleRun[] = [];
  private readonly fileEntity: SnapshotEntity | undefined;
  private readonly ids: FileIds;
  private readonly syntaxErrors = new SyntaxErrorList();
  private readonly entities = new Map<SnapshotEntity, number>();
  private readonly findings: Array<{ finding: Finding; order: number }> = [];
  private batch: FileRecord[] = [];
  private records = 0;
  private skipped = 0;
  private started = false;

  constructor(
    db: SnapshotDb,
    private readonly file: string,
    options: FileValidationOptions = {},
  ) {
    for (const id of Object.keys(options.rules ?? {})) {
      if (!isKnownRule(id)) {
        throw new ValidationSettingError(
          'unknown-rule',
          `Unknown rule '${id}'; file rules are: ${FILE_RULES.map((r) => r.id).join(', ')}`,
          id,
        );
      }
    }
    this.ids = new FileIds(options.idIndex);
    const format = chosenFormat(file, options.format);
    this.fileEntity = entityFromFileName(file);
    const context = { file, snapshot: new SnapshotLookup(db), ids: this.ids };
    for (const [order, rule] of FILE_RULES.entries()) {
      const severity = options.rules?.[rule.id] ?? rule.severity;
      if (severity !== 'off') this.runs.push({ rule, order, severity, run: rule.start(context) });
    }
    this.reader = recordReader(
      format,
      file,
      this.fileEntity,
      { record: (r) => this.record(r), syntaxError: (e) => this.syntaxErrors.add(e) },
      options,
    );
  }

  write(text: string): void {
    if (!this.started) {
      this.started = true;
      text = withoutBom(text);
    }
    this.reader.write(text);
  }

  /** Bytes that are not text in the file's encoding: a syntax finding at the replacement character. */
  encodingProblem(problem: EncodingProblem): void {
    const { line, column } = problem.at;
    this.syntaxErrors.add({ message: problem.message, position: { file: this.file, line, column, endLine: line, endColumn: column + 1 } });
  }

  /** Lets go of the id index's temporary files, after `end` or a check given up half way. */
  close(): void {
    this.ids.close();
  }

  end(): FileValidationResult {
    this.reader.end();
    this.checkBatch();
    const fileEntity = this.fileEntity ?? mostCommon(this.entities) ?? 'contacts';
    const syntaxErrors = this.syntaxErrors.list();
    for (const { run, rule, order, severity } of this.runs) {
      this.keep(run.finish?.({ syntaxErrors, fileEntity }) ?? [], rule, order, severity);
    }
    // File order, as an editor lists them; rules keep their order on the same spot.
    const findings = this.findings
      .sort(
        (a, b) =>
          (a.finding.position?.line ?? 0) - (b.finding.position?.line ?? 0) ||
          (a.finding.position?.column ?? 0) - (b.finding.position?.column ?? 0) ||
          a.order - b.order,
      )
      .map((f) => f.finding);
    return { findings, records: this.records, skipped: this.skipped };
  }

  private record(source: SourceRecord): void {
    this.records++;
    const entity = source.entity ?? inferEntity(source.record);
    if (!entity) {
      this.skipped++;
      return;
    }
    this.entities.set(entity, (this.entities.get(entity) ?? 0) + 1);
    const id = idText(source.record.id);
    const firstLine = id === undefined ? undefined : this.ids.add(entity, id, source.position.line);
    this.batch.push({ source, entity, id, recordId: id ?? `#${source.index}`, firstLine });
    if (this.batch.length >= BATCH) this.checkBatch();
  }

  private checkBatch(): void {
    const batch = this.batch;
    this.batch = [];
    if (!batch.length) return;
    for (const { run, rule, order, severity } of this.runs) this.keep(run.check(batch), rule, order, severity);
  }

  private keep(findings: FileFinding[], rule: FileRule, order: number, severity: Severity): void {
    for (const f of findings) this.findings.push({ finding: detachedFinding({ ...f, ruleId: rule.id, severity }), order });
  }
}

/** The entity most records are; on a tie, the one met first. */
function mostCommon(counts: Map<SnapshotEntity, number>): SnapshotEntity | undefined {
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
