/**
 * Checks a file the developer is editing (JSON, NDJSON or CSV of Keap-shaped records, e.g. data
 * about to be imported) against a snapshot. Findings are the snapshot rules' `Finding`s, each with
 * the exact position of the offending field, for the Problems panel, the CLI and SARIF alike.
 */
import type { SnapshotEntity } from '../../snapshot/entities';
import type { SnapshotDb } from '../../snapshot/snapshotDb';
import type { RuleSetting } from '../engine';
import { ValidationSettingError } from '../errors';
import type { Finding } from '../rule';
import { isKnownRule } from '../catalogue';
import { inferEntity } from './entityInference';
import { idText, type FileRecord, type FileRuleContext } from './fileRule';
import { FILE_RULES } from './rules';
import { SnapshotLookup } from './snapshotLookup';
import { parseSourceFile, type SourceFormat } from './sourceRecords';

export { FILE_RULES } from './rules';
export type { FileRule } from './fileRule';

export interface FileValidationOptions {
  /** Default: from the file's extension. */
  format?: SourceFormat;
  /** Per file rule id: another severity, or 'off'. Snapshot rule ids are allowed and ignored, so settings can be shared. */
  rules?: Record<string, RuleSetting>;
}

export interface FileValidationResult {
  findings: Finding[];
  /** Records read (syntax errors aside), skipped ones included. */
  records: number;
  /** Records whose entity neither the file said nor their fields showed: not checked. */
  skipped: number;
}

export function validateSourceFile(db: SnapshotDb, file: string, text: string, options: FileValidationOptions = {}): FileValidationResult {
  for (const id of Object.keys(options.rules ?? {})) {
    if (!isKnownRule(id)) {
      throw new ValidationSettingError(
        'unknown-rule',
        `Unknown rule '${id}'; file rules are: ${FILE_RULES.map((r) => r.id).join(', ')}`,
        id,
      );
    }
  }
  const parsed = parseSourceFile(file, text, options.format);
  const records: FileRecord[] = [];
  let skipped = 0;
  for (const source of parsed.records) {
    const entity = source.entity ?? inferEntity(source.record);
    if (!entity) {
      skipped++;
      continue;
    }
    const id = idText(source.record.id);
    records.push({ source, entity, id, recordId: id ?? `#${source.index}` });
  }
  const context: FileRuleContext = {
    file,
    records,
    syntaxErrors: parsed.syntaxErrors,
    fileEntity: parsed.entity ?? mostCommon(records.map((r) => r.entity)) ?? 'contacts',
    snapshot: new SnapshotLookup(db),
  };
  const findings: Finding[] = [];
  for (const rule of FILE_RULES) {
    const severity = options.rules?.[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    findings.push(...rule.check(context).map((f) => ({ ...f, ruleId: rule.id, severity })));
  }
  // File order, as an editor lists them; rules keep their order on the same spot.
  findings.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0));
  return { findings, records: parsed.records.length, skipped };
}

function mostCommon(entities: SnapshotEntity[]): SnapshotEntity | undefined {
  const counts = new Map<SnapshotEntity, number>();
  for (const e of entities) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
