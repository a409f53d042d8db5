"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ValidationSettingError = void 0;
/** Errors in what a validation was asked to do (its settings), before anything is checked. */
const errors_1 = require("../errors");
/** A validation setting (`keapVault.validation.rules`, `--rule`, `--only`) that names no rule; the message lists the rules. */
class ValidationSettingError extends errors_1.KeapVaultError {
    kind;
    rule;
    constructor(kind, message, 
    /** The rule id as given. */
    rule) {
        super(message);
        this.kind = kind;
        this.rule = rule;
    }
}
exports.ValidationSettingError = ValidationSettingError;
//# sourceMappingURL=errors.js.map