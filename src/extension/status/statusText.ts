/**
 * What the Keap Vault status bar item says: the active connection (and what is wrong with it), or
 * the work running against it, or an apply waiting for Keap's quota. No vscode import, so unit
 * tests read it; statusBar.ts shows it.
 */
import { placeOf, problemText, type ConnectionProblem } from '../connections/connectionWords';
import { counted } from '../../core/counted';
import { pausedText, type ApplyPause } from '../restore/pausedText';

export interface StatusInput {
  connection?: { name: string; demo?: boolean; baseUrl: string };
  problem?: ConnectionProblem;
  /** Work running against the connection ("taking a snapshot"). */
  work: string[];
  /** An apply running into the connection's account: its steps done of those chosen, and its pause for the daily quota. */
  applying?: { paused?: ApplyPause; done?: number; total?: number };
  timeZone?: string;
}

export interface StatusText {
  /** With codicons: `$(plug) Keap (acme)`. */
  text: string;
  tooltip: string;
  spoken: string;
  /** What a click does. */
  click: 'set-credential' | 'open-view';
  warning: boolean;
}

export function statusText(input: StatusInput): StatusText | undefined {
  const { connection, problem, work, applying } = input;
  if (!connection) return undefined;
  const name = connection.name;
  if (problem) {
    const { short, sentence } = problemText(problem, name);
    return {
      text: `$(warning) ${name}: ${short}`,
      tooltip: `${sentence}\nClick to set it.`,
      spoken: `Keap Vault: ${sentence}`,
      click: 'set-credential',
      warning: true,
    };
  }
  const icon = connection.demo ? '$(beaker)' : '$(plug)';
  const more = work.length > 1 ? ` (and ${work.length - 1} more)` : '';
  if (work.length) {
    return {
      text: `$(sync~spin) ${name}: ${work[0]}${more}`,
      tooltip: `Keap Vault is ${work.join(', ')} with ${name}. Progress and Cancel are in its notification.`,
      spoken: `Keap Vault: ${work[0]}${more} with ${name}`,
      click: 'open-view',
      warning: false,
    };
  }
  if (applying?.paused) {
    const paused = pausedText(applying.paused, input.timeZone);
    return {
      text: `$(watch) ${name}: restore ${paused.split(',')[0]}`,
      tooltip: `A restore into ${name} is ${paused}: Keap's daily quota is spent. It goes on by itself when the quota resets (keep VS Code open).`,
      spoken: `Keap Vault: restore into ${name} ${paused}`,
      click: 'open-view',
      warning: false,
    };
  }
  if (applying) {
    // The only status bar entry of an apply (it shows no progress of its own): how far it is, in steps.
    const total = applying.total ?? 0;
    const count = total ? ` ${Math.min(applying.done ?? 0, total).toLocaleString('en')}/${total.toLocaleString('en')}` : '';
    const sofar = total ? `: ${counted(applying.done ?? 0, 'step')} of ${total.toLocaleString('en')} done` : '';
    return {
      text: `$(sync~spin) ${name}: restoring${count}`,
      tooltip: `A restore into ${name} is running${sofar}; its preview shows each step and has Cancel.`,
      spoken: `Keap Vault: restoring into ${name}${sofar}`,
      click: 'open-view',
      warning: false,
    };
  }
  const where = placeOf(connection);
  return {
    text: `${icon} ${name}`,
    tooltip: `Keap Vault: ${name} (${where}). Click to open the Accounts view.`,
    spoken: `Keap Vault connection ${name}, ${where}`,
    click: 'open-view',
    warning: false,
  };
}
