import { KeapVaultError, KeapVaultFileError } from '../errors';

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

/** Why a question to a snapshot cannot be asked: an entity it has no table for, a column it cannot order by. */
export type SnapshotQueryErrorKind = 'unknown-entity' | 'unknown-column' | 'order-by';

/** A read of a snapshot asked for something no snapshot holds. Nothing was read. */
export class SnapshotQueryError extends KeapVaultError<SnapshotQueryErrorKind> {
  constructor(
    readonly kind: SnapshotQueryErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Why a field path to ignore in a compare was refused. */
export type IgnorePathErrorKind = 'not-a-path' | 'empty-path';

/** A field path given to ignore in a compare (`a.b[2]["odd.key"][*]`) that cannot be read. */
export class IgnorePathError extends KeapVaultError<IgnorePathErrorKind> {
  constructor(
    readonly kind: IgnorePathErrorKind,
    message: string,
    /** The path as given. */
    readonly path: string,
  ) {
    super(message);
  }
}

/**
 * The thread that builds a capture's snapshot stopped (out of memory, or a fault in it). Nothing
 * read is lost: every page is in the capture's journal, and the next capture continues from it.
 */
export class SnapshotWriterError extends KeapVaultError<'writer-stopped'> {
  readonly kind = 'writer-stopped';
}

/** The thread hashing a large snapshot while it is opened stopped or failed: the file was only read; open it again. */
export class SnapshotHashError extends KeapVaultError<'hash-stopped'> {
  readonly kind = 'hash-stopped';
}
