"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExportCancelledError = exports.ExportExistsError = exports.ExportPathError = exports.ExportEntityError = exports.ExportFormatError = exports.ExportError = void 0;
const errors_1 = require("../errors");
/** Why an export was refused; `file` is the target concerned, when there is one. Nothing is left under a final name. */
class ExportError extends errors_1.KeapVaultFileError {
}
exports.ExportError = ExportError;
/** A format other than json, ndjson or csv. */
class ExportFormatError extends ExportError {
    kind = 'format';
}
exports.ExportFormatError = ExportFormatError;
/** An entity the snapshot does not have (or an empty list). */
class ExportEntityError extends ExportError {
    kind = 'entity';
}
exports.ExportEntityError = ExportEntityError;
/** A file name that would resolve outside the output folder. */
class ExportPathError extends ExportError {
    kind = 'path';
}
exports.ExportPathError = ExportPathError;
/** The target file exists and overwriting was not asked for. */
class ExportExistsError extends ExportError {
    kind = 'exists';
}
exports.ExportExistsError = ExportExistsError;
/** The export was cancelled (Ctrl-C, a cancel button); no files were written. */
class ExportCancelledError extends ExportError {
    kind = 'cancelled';
}
exports.ExportCancelledError = ExportCancelledError;
//# sourceMappingURL=exportErrors.js.map