/**
 * Every rule Keap Vault knows, snapshot rules then file rules: what settings may name, what the CLI's
 * `--rule`/`--off` accept, and where a finding's explanation is looked up.
 */
import { FILE_RULES } from './files/rules';
import type { Severity } from './rule';
import { ALL_RULES } from './rules';

export interface RuleDescription {
  id: string;
  title: string;
  explanation: string;
  severity: Severity;
}

export const RULE_CATALOGUE: readonly RuleDescription[] = [...ALL_RULES, ...FILE_RULES].map(({ id, title, explanation, severity }) => ({
  id,
  title,
  explanation,
  severity,
}));

const BY_ID = new Map(RULE_CATALOGUE.map((r) => [r.id, r]));

export function isKnownRule(id: string): boolean {
  return BY_ID.has(id);
}

/** Why the rule matters and how to fix what it found. */
export function explanationOf(ruleId: string): string | undefined {
  return BY_ID.get(ruleId)?.explanation;
}
