/**
 * What the user must do first, or chose that cannot be done: the extension's one typed error. Its
 * message is shown as it is (register.ts for commands, the plan preview for its buttons), so it says
 * what happened and what to do next; `kind` is what tests and callers match on.
 */
import { KeapVaultError } from '../core/errors';

export type UserErrorKind =
  /** Nothing (or the wrong thing) is selected or open: choose it first. */
  | 'needs-selection'
  /** What was chosen no longer exists (a connection, a plan file, a history entry, a plan's snapshot). */
  | 'gone'
  /** A setting or secret the action needs is not set (a credential, an encryption key). */
  | 'not-configured'
  /** There is nothing to act on yet (no plan, no id map, no earlier snapshot): do the earlier step first. */
  | 'nothing-yet'
  /** Another run of the same thing is under way (an apply, a re-plan): wait for it. */
  | 'busy'
  /** The plan no longer matches the account: plan again. */
  | 'stale'
  /** What was asked cannot be done at all (edit the demo connection, open a derived record on its own). */
  | 'not-possible'
  /** The credential reaches another account than the one the plan was made for. */
  | 'wrong-account';

/** The command that does what the error asks for, offered as the notification's button (see nextSteps.ts). */
export type UserErrorFix = 'set-credential' | 'set-snapshot-key';

export class UserError extends KeapVaultError<UserErrorKind> {
  constructor(
    readonly kind: UserErrorKind,
    message: string,
    readonly fix?: UserErrorFix,
  ) {
    super(message);
  }
}
