/**
 * What a validation rule is and what it finds. Rules are small modules, one a file, each knowing
 * why its problem matters and how to fix it, so a finding can explain itself wherever it shows.
 */
import type { SnapshotEntity } from '../snapshot/entities';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import type { BatchSizer } from './ruleBatches';

export type Severity = 'error' | 'warning' | 'info';

export interface RecordRef {
  entity: SnapshotEntity;
  id: string;
}

/** Where a finding sits in a file being validated (1-based line and column). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  entity: SnapshotEntity;
  recordId: string;
  message: string;
  related: RecordRef[];
  position?: SourcePosition;
}

export interface ValidationSettings {
  /** Differences up to this many cents are rounding, not errors. */
  roundingToleranceCents: number;
  /** Orders of one contact with the same items and total this close together look like duplicates. */
  duplicateWindowMinutes: number;
  /** "Now", for dates in the future (the snapshot's capture time by default). */
  now: string;
}

export interface RuleContext {
  db: SnapshotDb;
  settings: ValidationSettings;
  /** How many rows of the driving table the next batch takes, for rules that split a long query (see ruleBatches.ts). */
  batches: BatchSizer;
}

export type RuleFindings = Array<Omit<Finding, 'ruleId' | 'severity'>>;

/**
 * What a rule's `run` gives back: its findings, or, for a rule whose SQL would hold the thread too
 * long on a large snapshot, a generator that does its work in batches and yields between them (the
 * engine may give the event loop a turn there, and stops the rule there when cancelled).
 */
export type RuleRun = RuleFindings | Generator<void, RuleFindings, void>;

export interface ValidationRule {
  /** Stable id, `entity/problem`, used in settings, SARIF and the CLI's --rule. */
  id: string;
  severity: Severity;
  title: string;
  /** Why it matters and how to fix it: one paragraph. */
  explanation: string;
  /** Findings, from SQL over the snapshot (never by loading every row). */
  run(context: RuleContext): RuleRun;
}
