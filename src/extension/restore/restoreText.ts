/**
 * The words of a Restores view entry: the status first (what a person looks for), then when and how
 * much, short enough for the default sidebar; the account, the plan file and its id only in the
 * tooltip. A screen reader hears the status, the date and the counts, never a UUID or a path.
 * No vscode import, so unit tests read them.
 */
import { counted } from '../../core/counted';
import { localDateTime, spokenDateTime } from '../localFormat';
import { pausedText } from './pausedText';
import type { PlanEntry, RestoreStatus } from './planIndex';

export interface RestoreText {
  label: string;
  description: string;
  tooltip: string;
  spoken: string;
}

const STATUS_WORDS: Record<RestoreStatus, string> = {
  planned: 'Planned',
  applying: 'Applying',
  applied: 'Applied',
  'applied with problems': 'Applied with problems',
  interrupted: 'Interrupted',
  stale: 'Out of date',
};

/** What happened or would happen: "3 created, 1 updated" after an apply, "3 to create" before. */
function countsOf(entry: PlanEntry): string {
  const r = entry.result;
  if (r) {
    const parts = [`${r.created} created`, r.updated ? `${r.updated} updated` : '', r.failed ? `${r.failed} failed` : ''];
    return parts.filter(Boolean).join(', ');
  }
  const parts = [entry.creates ? `${entry.creates} to create` : '', entry.updates ? `${entry.updates} to update` : ''];
  return parts.filter(Boolean).join(', ') || 'nothing to do';
}

/** `connectionName`: the connection's name when it still exists (else the account is named). */
export function restoreText(entry: PlanEntry, connectionName: string | undefined, locale: string, timeZone?: string): RestoreText {
  const paused = entry.status === 'applying' ? entry.paused : undefined;
  const status = paused ? capitalized(pausedText(paused, timeZone).split(',')[0]) : STATUS_WORDS[entry.status];
  // After an apply, when it ended; before, when the plan was made.
  const at = entry.result?.finishedAt ?? entry.createdAt;
  const counts = countsOf(entry);
  const into = connectionName ? `${connectionName} (account ${entry.account})` : `account ${entry.account}`;
  const problems = entry.result?.problems ? `, ${counted(entry.result.problems, 'verification problem')}` : '';
  const tooltip = [
    `${status}: ${counts}${problems}`,
    entry.result ? `Applied ${spokenDateTime(entry.result.finishedAt, locale, timeZone)}` : undefined,
    `Planned ${spokenDateTime(entry.createdAt, locale, timeZone)}, into ${into}`,
    paused
      ? `${capitalized(pausedText(paused, timeZone))}: Keap's daily quota is spent; the apply goes on by itself when it resets (keep VS Code open).`
      : undefined,
    `Plan file: ${entry.file}`,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    label: status,
    description: `${localDateTime(at, locale, timeZone)} · ${counts}`,
    tooltip,
    spoken: `Restore ${status.toLowerCase()}, ${spokenDateTime(at, locale, timeZone)}, ${counts}${problems}, into ${connectionName ?? entry.account}`,
  };
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The question asked when a window opens, for an apply the closed window left (resumePrompt.ts). */
export function resumeQuestion(entry: Pick<PlanEntry, 'account' | 'creates' | 'updates' | 'paused'>, connectionName: string): string {
  const what = entry.paused
    ? `It was ${pausedText(entry.paused)} for Keap's daily quota.`
    : `It was applying ${(entry.creates + entry.updates).toLocaleString('en-US')} steps.`;
  return `Keap Vault: a restore into ${connectionName} (${entry.account}) stopped when VS Code closed. ${what} Resume it? Steps already done are not sent again.`;
}
