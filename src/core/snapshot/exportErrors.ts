import { KeapVaultFileError } from '../errors';

export type ExportErrorKind = 'format' | 'entity' | 'path' | 'exists' | 'cancelled';

/** Why an export was refused; `file` is the target concerned, when there is one. Nothing is left under a final name. */
export abstract class ExportError extends KeapVaultFileError<ExportErrorKind> {}

/** A format other than json, ndjson or csv. */
export class ExportFormatError extends ExportError {
  readonly kind = 'format';
}
/** An entity the snapshot does not have (or an empty list). */
export class ExportEntityError extends ExportError {
  readonly kind = 'entity';
}
/** A file name that would resolve outside the output folder. */
export class ExportPathError extends ExportError {
  readonly kind = 'path';
}
/** The target file exists and overwriting was not asked for. */
export class ExportExistsError extends ExportError {
  readonly kind = 'exists';
}
/** The export was cancelled (Ctrl-C, a cancel button); no files were written. */
export class ExportCancelledError extends ExportError {
  readonly kind = 'cancelled';
}
