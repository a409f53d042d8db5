/**
 * What a use case refuses to do, and why, in a sentence a user can act on. Each front end adds how to
 * go on in its own terms (a CLI flag, a button), keyed on `kind`.
 */
import { KeapVaultError } from '../errors';

export abstract class UseCaseError<Kind extends string = string> extends KeapVaultError<Kind> {}
