"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UseCaseError = void 0;
/**
 * What a use case refuses to do, and why, in a sentence a user can act on. Each front end adds how to
 * go on in its own terms (a CLI flag, a button), keyed on `kind`.
 */
const errors_1 = require("../errors");
class UseCaseError extends errors_1.KeapVaultError {
}
exports.UseCaseError = UseCaseError;
//# sourceMappingURL=useCaseError.js.map