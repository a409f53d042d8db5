import type { Command } from 'commander';
import { validateSnapshotInSlices, type RuleSetting, type ValidationOptions } from '../../core/validate/engine';
import { isKnownRule, RULE_CATALOGUE } from '../../core/validate/catalogue';
import { FILE_RULES, validateFileOnDisk } from '../../core/validate/files/validateFile';
import type { Finding, Severity } from '../../core/validate/rule';
import { toSarif, type SarifRuleInfo } from '../../core/validate/sarif';
import { counted, FindingsFound, printJson, UsageError, type Io } from '../output';
import { snapshotKey } from '../snapshotFlags';
import { openWithProgress, workProgressPrinter } from '../workProgress';

interface ValidateFlags {
  rule?: string[];
  off?: string[];
  severity?: string[];
  format: string;
  tolerance?: string;
  window?: string;
}

/**
 * `keap-vault validate SNAPSHOT [FILE...]`: without files, the snapshot's integrity; with files,
 * those files (e.g. data about to be imported) checked against the snapshot. Exit code 1 when any
 * finding is an error, so CI can gate on it.
 */
export function registerValidateCommand(program: Command, io: Io): void {
  program
    .command('validate')
    .description("check a snapshot's integrity, or JSON/NDJSON/CSV files against a snapshot (exit 1 on errors)")
    .argument('<snapshot>', 'snapshot file')
    .argument('[files...]', 'Keap-shaped JSON, NDJSON or CSV files to check against the snapshot')
    .option('--rule <id...>', 'run only these rules')
    .option('--off <id...>', 'switch these rules off')
    .option('--severity <id=level...>', "change a rule's severity (error, warning, info)")
    .option('--format <format>', 'text, json or sarif', 'text')
    .option('--tolerance <cents>', 'rounding tolerance for totals, in cents')
    .option('--window <minutes>', 'how close together duplicate orders are')
    .action(async (snapshotFile: string, files: string[], flags: ValidateFlags) => {
      if (!['text', 'json', 'sarif'].includes(flags.format)) throw new UsageError('--format must be text, json or sarif');
      const options = validationOptions(flags);
      const quiet = flags.format !== 'text';
      const db = await openWithProgress(snapshotFile, snapshotKey(), quiet);
      try {
        let findings: Finding[];
        let ruleInfo: SarifRuleInfo[];
        let checked: string;
        if (files.length) {
          findings = [];
          let records = 0;
          let skipped = 0;
          for (const file of files) {
            // Read a piece at a time: memory stays flat however large the file (README → Validation of import files).
            const result = await validateFileOnDisk(db, file, { rules: options.rules });
            findings.push(...result.findings);
            records += result.records;
            skipped += result.skipped;
          }
          ruleInfo = RULE_CATALOGUE.filter((r) => FILE_RULES.some((f) => f.id === r.id));
          checked = `${counted(records, 'record')} in ${counted(files.length, 'file')}${skipped ? ` (${skipped.toLocaleString('en-US')} of unknown kind skipped)` : ''}`;
        } else {
          const validating = workProgressPrinter('Validating', quiet);
          const report = await validateSnapshotInSlices(db, options, { onProgress: (p) => validating.update(p) }).finally(() =>
            validating.end(),
          );
          findings = report.findings;
          ruleInfo = RULE_CATALOGUE.filter((r) => report.rules.some((s) => s.id === r.id));
          checked = `${counted(report.rules.length, 'rule')} over ${snapshotFile}`;
        }
        if (flags.format === 'json') printJson(io, { findings });
        else if (flags.format === 'sarif') printJson(io, toSarif(findings, ruleInfo, files.length ? undefined : snapshotFile));
        else printText(io, findings, checked);
        const errors = findings.filter((f) => f.severity === 'error').length;
        if (errors) throw new FindingsFound(errors);
      } finally {
        db.close();
      }
    });
}

function validationOptions(flags: ValidateFlags): ValidationOptions {
  const rules: Record<string, RuleSetting> = {};
  for (const id of flags.off ?? []) rules[id] = 'off';
  for (const pair of flags.severity ?? []) {
    const [id, level] = pair.split('=');
    if (!id || !['error', 'warning', 'info', 'off'].includes(level))
      throw new UsageError(`--severity takes rule=level (error, warning, info, off), got '${pair}'`);
    rules[id] = level as RuleSetting;
  }
  const number = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name} must be a number of at least 0`);
    return n;
  };
  for (const id of [...(flags.rule ?? []), ...Object.keys(rules)]) if (!isKnownRule(id)) throw new UsageError(`Unknown rule '${id}'`);
  return {
    only: flags.rule,
    rules,
    settings: {
      ...(flags.tolerance !== undefined ? { roundingToleranceCents: number(flags.tolerance, '--tolerance') } : {}),
      ...(flags.window !== undefined ? { duplicateWindowMinutes: number(flags.window, '--window') } : {}),
    },
  };
}

/** `file:line:col: severity rule: message` for files (editors and problem matchers read it), `entity/id` otherwise. */
function printText(io: Io, findings: Finding[], checked: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are what this strips, so they cannot reach the terminal
  const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  for (const f of findings) {
    const where = f.position ? `${f.position.file}:${f.position.line}:${f.position.column}` : `${f.entity}/${f.recordId}`;
    io.out(`${where}: ${f.severity} ${f.ruleId}: ${clean(f.message)}`);
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  io.out(
    `${findings.length ? '' : 'No problems found. '}Checked ${checked}: ${counted(count('error'), 'error')}, ${counted(count('warning'), 'warning')}, ${counted(count('info'), 'note')}.`,
  );
}
