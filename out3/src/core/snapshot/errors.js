"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnapshotWriterError = exports.IgnorePathError = exports.SnapshotQueryError = exports.SnapshotKeyError = exports.SnapshotCorruptError = exports.SnapshotVersionError = exports.SnapshotFormatError = exports.SnapshotNotFoundError = exports.SnapshotError = void 0;
const errors_1 = require("../errors");
/** `file` is the snapshot's path, when known. */
class SnapshotError extends errors_1.KeapVaultFileError {
}
exports.SnapshotError = SnapshotError;
/** Not a file at all. */
class SnapshotNotFoundError extends SnapshotError {
    kind = 'not-found';
}
exports.SnapshotNotFoundError = SnapshotNotFoundError;
/** Some other kind of file, or an SQLite database that is not a Keap Vault snapshot. */
class SnapshotFormatError extends SnapshotError {
    kind = 'format';
}
exports.SnapshotFormatError = SnapshotFormatError;
/** A snapshot of a format version this Keap Vault does not read. */
class SnapshotVersionError extends SnapshotError {
    kind = 'version';
}
exports.SnapshotVersionError = SnapshotVersionError;
/** Truncated, damaged, or changed since it was written (checksum mismatch). */
class SnapshotCorruptError extends SnapshotError {
    kind = 'corrupt';
}
exports.SnapshotCorruptError = SnapshotCorruptError;
/** Encrypted and no key, or the wrong key. */
class SnapshotKeyError extends SnapshotError {
    kind = 'key';
}
exports.SnapshotKeyError = SnapshotKeyError;
/** A read of a snapshot asked for something no snapshot holds. Nothing was read. */
class SnapshotQueryError extends errors_1.KeapVaultError {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
exports.SnapshotQueryError = SnapshotQueryError;
/** A field path given to ignore in a compare (`a.b[2]["odd.key"][*]`) that cannot be read. */
class IgnorePathError extends errors_1.KeapVaultError {
    kind;
    path;
    constructor(kind, message, 
    /** The path as given. */
    path) {
        super(message);
        this.kind = kind;
        this.path = path;
    }
}
exports.IgnorePathError = IgnorePathError;
/**
 * The thread that builds a capture's snapshot stopped (out of memory, or a fault in it). Nothing
 * read is lost: every page is in the capture's journal, and the next capture continues from it.
 */
class SnapshotWriterError extends errors_1.KeapVaultError {
    kind = 'writer-stopped';
}
exports.SnapshotWriterError = SnapshotWriterError;
//# sourceMappingURL=errors.js.map