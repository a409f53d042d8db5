/**
 * What a use case refuses to do, and why, in a sentence a user can act on. Each front end adds how to
 * go on in its own terms (a CLI flag, a button), keyed on `kind`.
 */
export abstract class UseCaseError extends Error {
  abstract readonly kind: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
