/**
 * Long work the user can stop (opening a large snapshot, validating it): what a stopped piece of
 * work rejects with, so every front end can tell "the user said stop" from a failure and say so.
 */
import { KeapVaultError } from '../errors';

/** The work was stopped by its caller's AbortSignal; nothing it started is left half done. */
export class CancelledError extends KeapVaultError<'cancelled'> {
  readonly kind = 'cancelled';
}

/** Throws CancelledError once `signal` is aborted; `what` names the work for the message ("Opening x.kvsnap"). */
export function throwIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new CancelledError(`${what} was cancelled.`);
}
