import assert from 'node:assert/strict';
import { KeapVaultError, KeapVaultFileError } from '../../src/core/errors';
import {
  KeapAuthError,
  KeapConflictError,
  KeapError,
  KeapNotFoundError,
  KeapPermissionError,
  KeapProtocolError,
  KeapThrottledError,
  KeapUnavailableError,
  KeapUncertainWriteError,
  KeapValidationError,
} from '../../src/core/keap/errors';
import {
  SnapshotCorruptError,
  SnapshotError,
  SnapshotFormatError,
  SnapshotKeyError,
  SnapshotNotFoundError,
  SnapshotVersionError,
} from '../../src/core/snapshot/errors';
import { ExportEntityError, ExportError, ExportExistsError, ExportFormatError, ExportPathError } from '../../src/core/snapshot/export';

/** Every typed error: its family and the `kind` callers and tests match on (these values are a contract). */
const KEAP = [
  [KeapAuthError, 'auth'],
  [KeapPermissionError, 'permission'],
  [KeapNotFoundError, 'not-found'],
  [KeapValidationError, 'validation'],
  [KeapConflictError, 'conflict'],
  [KeapThrottledError, 'throttled'],
  [KeapUnavailableError, 'unavailable'],
  [KeapUncertainWriteError, 'uncertain-write'],
  [KeapProtocolError, 'protocol'],
] as const;
const SNAPSHOT = [
  [SnapshotNotFoundError, 'not-found'],
  [SnapshotFormatError, 'format'],
  [SnapshotVersionError, 'version'],
  [SnapshotCorruptError, 'corrupt'],
  [SnapshotKeyError, 'key'],
] as const;
const EXPORT = [
  [ExportFormatError, 'format'],
  [ExportEntityError, 'entity'],
  [ExportPathError, 'path'],
  [ExportExistsError, 'exists'],
] as const;

describe('Typed errors (one style: a kind and a user-facing message)', () => {
  it('Keap errors keep their kind, name, message and request details on the shared base', () => {
    for (const [Class, kind] of KEAP) {
      const err = new Class('Keap said no; check the connection.', 401, 'E1', 'GET /contacts');
      assert.ok(err instanceof KeapVaultError && err instanceof KeapError && err instanceof Error, Class.name);
      assert.equal(err.kind, kind);
      assert.equal(err.name, Class.name);
      assert.equal(err.message, 'Keap said no; check the connection.');
      assert.deepEqual([err.status, err.keapCode, err.request], [401, 'E1', 'GET /contacts']);
      assert.match(err.stack ?? '', new RegExp(`^${Class.name}: Keap said no`));
      assert.ok(!(err instanceof KeapVaultFileError));
    }
  });

  it('snapshot and export errors keep their kind, name, message and file on the shared file base', () => {
    for (const [Family, table] of [
      [SnapshotError, SNAPSHOT],
      [ExportError, EXPORT],
    ] as const) {
      for (const [Class, kind] of table) {
        const err = new Class('Not usable; pick another file.', '/tmp/x');
        assert.ok(err instanceof KeapVaultFileError && err instanceof KeapVaultError && err instanceof Family, Class.name);
        assert.equal(err.kind, kind);
        assert.equal(err.name, Class.name);
        assert.equal(err.message, 'Not usable; pick another file.');
        assert.equal(err.file, '/tmp/x');
        assert.equal(new Class('no file').file, undefined);
      }
    }
  });

  it('the three families stay apart', () => {
    assert.ok(!(new SnapshotFormatError('x') instanceof ExportError));
    assert.ok(!(new ExportFormatError('x') instanceof SnapshotError));
    assert.ok(!(new KeapNotFoundError('x') instanceof SnapshotError));
  });
});
