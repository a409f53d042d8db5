"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UserError = void 0;
/**
 * What the user must do first, or chose that cannot be done: the extension's one typed error. Its
 * message is shown as it is (register.ts for commands, the plan preview for its buttons), so it says
 * what happened and what to do next; `kind` is what tests and callers match on.
 */
const errors_1 = require("../core/errors");
class UserError extends errors_1.KeapVaultError {
    kind;
    fix;
    constructor(kind, message, fix) {
        super(message);
        this.kind = kind;
        this.fix = fix;
    }
}
exports.UserError = UserError;
//# sourceMappingURL=userError.js.map