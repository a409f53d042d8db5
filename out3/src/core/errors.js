"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeapVaultFileError = exports.KeapVaultError = void 0;
/**
 * The one error style of the core: a typed error with a `kind` a caller can switch on and a
 * `message` written for the user (what happened and what to do next), never for a developer.
 * Each area has its own abstract family on this base (KeapError for Keap's answers, SnapshotError
 * for snapshot files, ExportError for exports), whose `kind` values are that area's own union.
 *
 * `name` is the concrete class's name (`KeapAuthError`, `SnapshotKeyError`…), so a log line or a
 * stack trace says which error it was without an `instanceof`.
 *
 * A throw only a bug can reach (never input, state or the user) may stay a plain `Error`, with a
 * `// invariant: why` comment on it or the line above; test/unit/errors.test.ts fails on any other.
 */
class KeapVaultError extends Error {
    /** `message` is shown to the user as it is: say what happened and what to do next. */
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
}
exports.KeapVaultError = KeapVaultError;
/** An error about one file (a snapshot, an export target); `file` is its path when known. */
class KeapVaultFileError extends KeapVaultError {
    file;
    constructor(message, file) {
        super(message);
        this.file = file;
    }
}
exports.KeapVaultFileError = KeapVaultFileError;
//# sourceMappingURL=errors.js.map