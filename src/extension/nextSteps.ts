/**
 * The buttons an error notification carries: what the user can do about this error, one click away.
 * A refused credential offers Set Credential…; a snapshot that needs its key, Set Encryption Key…;
 * Keap being down, busy or out of quota, Retry; anything the log explains further, Open Log. Every
 * command's error goes through register.ts, which shows these. No vscode import, so unit tests
 * check which error gets which buttons.
 */
import { KeapVaultError } from '../core/errors';
import { describeSystemError } from '../core/fs/systemErrors';
import { KeapError, KeapPagingError, KeapQuotaWaitError } from '../core/keap/errors';
import { SnapshotKeyError } from '../core/snapshot/errors';
import { COMMANDS, type CommandId } from './commandIds';
import { UserError } from './userError';

export type NextStep =
  /** Runs a command that fixes the cause (its arguments are the caller's to choose). */
  | { title: string; command: CommandId }
  /** Runs the failed command again with the same arguments. */
  | { title: 'Retry'; retry: true }
  | { title: 'Open Log'; openLog: true };

export const SET_CREDENTIAL: NextStep = { title: 'Set Credential…', command: COMMANDS.setCredential };
export const SET_SNAPSHOT_KEY: NextStep = { title: 'Set Encryption Key…', command: COMMANDS.setSnapshotKey };
export const RETRY: NextStep = { title: 'Retry', retry: true };
export const OPEN_LOG: NextStep = { title: 'Open Log', openLog: true };

export function nextSteps(err: unknown): NextStep[] {
  // "Do this first": the message says what; the fix, when there is a command for it, is the button.
  if (err instanceof UserError) {
    if (err.fix === 'set-credential') return [SET_CREDENTIAL];
    if (err.fix === 'set-snapshot-key') return [SET_SNAPSHOT_KEY];
    return [];
  }
  if (err instanceof KeapError) {
    switch (err.kind) {
      case 'auth':
      case 'permission':
        return [SET_CREDENTIAL, OPEN_LOG];
      // Keap down, overloaded, out of quota, or an answer garbled in transit: the same request may well work later.
      case 'throttled':
      case 'unavailable':
      case 'protocol':
        return [RETRY, OPEN_LOG];
      default:
        return [OPEN_LOG];
    }
  }
  if (err instanceof KeapQuotaWaitError || err instanceof KeapPagingError) return [RETRY, OPEN_LOG];
  if (err instanceof SnapshotKeyError) return [SET_SNAPSHOT_KEY, OPEN_LOG];
  if (err instanceof KeapVaultError) return [OPEN_LOG];
  // A file busy, a disk full, a network cut: worth another try once the cause is gone.
  if (describeSystemError(err)) return [RETRY, OPEN_LOG];
  return [OPEN_LOG];
}
