/**
 * Runs the integrity rules over a snapshot. Each rule can be switched off or given another
 * severity; thresholds are settings. Findings come back typed, for the Problems panel, the CLI
 * and SARIF alike.
 */
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { ValidationSettingError } from './errors';
import type { Finding, Severity, ValidationRule, ValidationSettings } from './rule';
import { ALL_RULES } from './rules';

export type RuleSetting = Severity | 'off';

export interface ValidationOptions {
  /** Per rule id: another severity, or 'off'. */
  rules?: Record<string, RuleSetting>;
  /** Run only these rule ids (e.g. the CLI's --rule). */
  only?: string[];
  settings?: Partial<ValidationSettings>;
}

export interface RuleSummary {
  id: string;
  title: string;
  severity: Severity;
  findings: number;
  ms: number;
}

export interface ValidationReport {
  findings: Finding[];
  rules: RuleSummary[];
  settings: ValidationSettings;
  counts: Record<Severity, number>;
}

export const DEFAULT_SETTINGS: Omit<ValidationSettings, 'now'> = {
  roundingToleranceCents: 1,
  duplicateWindowMinutes: 10,
};

export function ruleById(id: string): ValidationRule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

export function validateSnapshot(db: SnapshotDb, options: ValidationOptions = {}): ValidationReport {
  for (const id of [...(options.only ?? []), ...Object.keys(options.rules ?? {})]) {
    if (!ruleById(id))
      throw new ValidationSettingError('unknown-rule', `Unknown rule '${id}'; rules are: ${ALL_RULES.map((r) => r.id).join(', ')}`, id);
  }
  const settings: ValidationSettings = {
    ...DEFAULT_SETTINGS,
    now: snapshotTime(db) ?? new Date().toISOString(),
    ...options.settings,
  };
  const findings: Finding[] = [];
  const rules: RuleSummary[] = [];
  for (const rule of ALL_RULES) {
    const setting = options.rules?.[rule.id] ?? rule.severity;
    if (setting === 'off' || (options.only && !options.only.includes(rule.id))) continue;
    const started = Date.now();
    const found = rule.run({ db, settings }).map((f) => ({ ...f, ruleId: rule.id, severity: setting }));
    findings.push(...found);
    rules.push({ id: rule.id, title: rule.title, severity: setting, findings: found.length, ms: Date.now() - started });
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, rules, settings, counts };
}

/** The time the snapshot was taken: "the future" starts there, not at today's date. */
function snapshotTime(db: SnapshotDb): string | undefined {
  try {
    return db.meta().finishedAt;
  } catch {
    return undefined;
  }
}
