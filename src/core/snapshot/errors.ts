import { KeapVaultFileError } from '../errors';

/** Why a snapshot could not be used, and what to do about it. The file is never modified. */
export type SnapshotErrorKind = 'not-found' | 'format' | 'version' | 'corrupt' | 'key';

/** `file` is the snapshot's path, when known. */
export abstract class SnapshotError extends KeapVaultFileError<SnapshotErrorKind> {}

/** Not a file at all. */
export class SnapshotNotFoundError extends SnapshotError {
  readonly kind = 'not-found';
}
/** Some other kind of file, or an SQLite database that is not a Keap Vault snapshot. */
export class SnapshotFormatError extends SnapshotError {
  readonly kind = 'format';
}
/** A snapshot of a format version this Keap Vault does not read. */
export class SnapshotVersionError extends SnapshotError {
  readonly kind = 'version';
}
/** Truncated, damaged, or changed since it was written (checksum mismatch). */
export class SnapshotCorruptError extends SnapshotError {
  readonly kind = 'corrupt';
}
/** Encrypted and no key, or the wrong key. */
export class SnapshotKeyError extends SnapshotError {
  readonly kind = 'key';
}
