/**
 * Runs the integrity rules over a snapshot. Each rule can be switched off or given another
 * severity; thresholds are settings. Findings come back typed, for the Problems panel, the CLI
 * and SARIF alike.
 */
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { ValidationSettingError } from './errors';
import type { Finding, RuleFindings, RuleRun, Severity, ValidationRule, ValidationSettings } from './rule';
import { ALL_RULES } from './rules';
import { BatchSizer, DEFAULT_BATCH_ROWS } from './ruleBatches';
import { EventLoopSlices } from '../work/eventLoopSlices';
import type { WorkControl } from '../work/progress';

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

/** Validates in one go, holding the thread until done (tests, and work already off the UI's thread). */
export function validateSnapshot(db: SnapshotDb, options: ValidationOptions = {}): ValidationReport {
  const run = validation(db, options, DEFAULT_BATCH_ROWS);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

export interface SlicedValidationControl extends WorkControl {
  /** The most rows per batch of the rules that batch their queries (tests make it small). */
  batchRows?: number;
}

/**
 * Validates without holding the event loop for more than a few tens of milliseconds at a time:
 * between rules and between a rule's batches the event loop gets a turn once the current slice is
 * long enough. Reports "rule n of N" with its title; when `signal` aborts, rejects with
 * CancelledError and leaves no temporary table behind (each rule drops its own in `finally`).
 */
export async function validateSnapshotInSlices(
  db: SnapshotDb,
  options: ValidationOptions = {},
  control: SlicedValidationControl = {},
): Promise<ValidationReport> {
  const slices = new EventLoopSlices(control.signal, 'Validation');
  const run = validation(db, options, control.batchRows ?? DEFAULT_BATCH_ROWS, control.onProgress);
  try {
    for (;;) {
      await slices.maybeYield();
      const step = run.next();
      if (step.done) return step.value;
    }
  } finally {
    // Cancelled midway: ends the rule running now, so its `finally` drops its temporary tables.
    run.return(undefined as never);
  }
}

/** The validation as a generator that yields between rules and between a rule's batches. */
function* validation(
  db: SnapshotDb,
  options: ValidationOptions,
  batchRows: number,
  onProgress?: WorkControl['onProgress'],
): Generator<void, ValidationReport, void> {
  for (const id of [...(options.only ?? []), ...Object.keys(options.rules ?? {})]) {
    if (!ruleById(id))
      throw new ValidationSettingError('unknown-rule', `Unknown rule '${id}'; rules are: ${ALL_RULES.map((r) => r.id).join(', ')}`, id);
  }
  const settings: ValidationSettings = {
    ...DEFAULT_SETTINGS,
    now: snapshotTime(db) ?? new Date().toISOString(),
    ...options.settings,
  };
  const chosen: Array<{ rule: ValidationRule; setting: Severity }> = [];
  for (const rule of ALL_RULES) {
    const setting = options.rules?.[rule.id] ?? rule.severity;
    if (setting !== 'off' && (!options.only || options.only.includes(rule.id))) chosen.push({ rule, setting });
  }
  const findings: Finding[] = [];
  const rules: RuleSummary[] = [];
  for (const [n, { rule, setting }] of chosen.entries()) {
    onProgress?.({ step: `Rule ${n + 1} of ${chosen.length}: ${rule.title}`, done: n, total: chosen.length, unit: 'rules' });
    const started = Date.now();
    const batches = new BatchSizer(batchRows);
    const found = (yield* timedSteps(ruleFindings(rule.run({ db, settings, batches })), batches)).map((f) => ({
      ...f,
      ruleId: rule.id,
      severity: setting,
    }));
    findings.push(...found);
    rules.push({ id: rule.id, title: rule.title, severity: setting, findings: found.length, ms: Date.now() - started });
    yield;
  }
  onProgress?.({ step: 'Done', done: chosen.length, total: chosen.length, unit: 'rules' });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, rules, settings, counts };
}

function* ruleFindings(run: RuleRun): Generator<void, RuleFindings, void> {
  return Array.isArray(run) ? run : yield* run;
}

/** Runs a rule step by step, telling its batch sizer how long each step (one batch) took. */
function* timedSteps(run: Generator<void, RuleFindings, void>, batches: BatchSizer): Generator<void, RuleFindings, void> {
  try {
    for (;;) {
      const started = performance.now();
      const step = run.next();
      batches.lastStepMs = performance.now() - started;
      if (step.done) return step.value;
      yield;
    }
  } finally {
    // Stopped from outside (cancelled): the rule's own `finally` drops its temporary tables.
    run.return([]);
  }
}

/** The time the snapshot was taken: "the future" starts there, not at today's date. */
function snapshotTime(db: SnapshotDb): string | undefined {
  try {
    return db.meta().finishedAt;
  } catch {
    return undefined;
  }
}
