/** Errors in what a validation was asked to do (its settings), before anything is checked. */
import { KeapVaultError } from '../errors';

/** Why a validation's settings were refused: a rule id no rule has (a typo in a setting or a flag). */
export type ValidationSettingErrorKind = 'unknown-rule';

/** A validation setting (`keapVault.validation.rules`, `--rule`, `--only`) that names no rule; the message lists the rules. */
export class ValidationSettingError extends KeapVaultError<ValidationSettingErrorKind> {
  constructor(
    readonly kind: ValidationSettingErrorKind,
    message: string,
    /** The rule id as given. */
    readonly rule: string,
  ) {
    super(message);
  }
}
