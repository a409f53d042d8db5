import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
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
import { checkedBaseUrl } from '../../src/core/keap/baseUrl';
import { BaseUrlError, KeapPagingError, KeapRequestError } from '../../src/core/keap/errors';
import { KeapFilter } from '../../src/core/keap/filter';
import { listAll } from '../../src/core/keap/paging';
import { encodeId } from '../../src/core/keap/resources/resource';
import type { KeapTransport } from '../../src/core/keap/transport';
import { diffSnapshots } from '../../src/core/snapshot/diff';
import { parsePath } from '../../src/core/snapshot/diffFields';
import { IgnorePathError, SnapshotQueryError } from '../../src/core/snapshot/errors';
import { listRecords } from '../../src/core/snapshot/query';
import type { SnapshotDb } from '../../src/core/snapshot/snapshotDb';
import { validateSnapshot } from '../../src/core/validate/engine';
import { ValidationSettingError } from '../../src/core/validate/errors';
import { validateSourceFile } from '../../src/core/validate/files/validateFile';
import { UserError } from '../../src/extension/userError';

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

/** The repository, from out/test/unit/ (where this file runs compiled). */
const ROOT = path.join(__dirname, '../../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : [],
  );
}

type ErrorClass = new (...args: never[]) => Error;

/** Every error class a module of the core (and the extension's and CLI's own error modules) exports. */
async function exportedErrorClasses(): Promise<ErrorClass[]> {
  const modules = [
    ...tsFiles(path.join(ROOT, 'src/core')),
    path.join(ROOT, 'src/extension/userError.ts'),
    path.join(ROOT, 'src/cli/commands/disaster.ts'),
  ];
  const found = new Set<ErrorClass>();
  for (const file of modules) {
    const compiled = path.join(ROOT, 'out', path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    for (const value of Object.values((await import(compiled)) as Record<string, unknown>)) {
      if (typeof value === 'function' && value.prototype instanceof Error) found.add(value as ErrorClass);
    }
  }
  return [...found];
}

/** The abstract families: never thrown themselves, so they have no `kind` of their own. */
const ABSTRACT = ['KeapVaultError', 'KeapVaultFileError', 'KeapError', 'SnapshotError', 'ExportError', 'UseCaseError'];

/** Constructor arguments where the first one is not just the message. */
const ARGUMENTS: Record<string, unknown[]> = {
  StalePlanError: [[{ entity: 'contacts', id: '1', change: 'deleted' }]],
  PlanAccountError: ['111', '222'],
  OtherAccountError: ['111', '222'],
  ApplyInterruptedError: [3],
  ApplyPausedError: [new Date('2026-12-01T00:00:00Z'), 73_412],
  KeapQuotaWaitError: ["Keap's quota is used up; requests are allowed again in 60 s", new Date(0), 'minute'],
  BaseUrlError: ['insecure', 'Use https.'],
  KeapRequestError: ['id', 'Not a Keap id.'],
  KeapPagingError: ['no-list', 'No list.', 'GET /contacts'],
  SnapshotQueryError: ['order-by', 'Cannot order.'],
  IgnorePathError: ['not-a-path', 'Not a path.', '.x'],
  ValidationSettingError: ['unknown-rule', 'Unknown rule.', 'x'],
  UserError: ['gone', 'It is gone; choose another.'],
  ApplyStepError: ['not-applicable', 'Cannot apply campaigns steps (1)'],
  LedgerDamagedError: ['The ledger x is damaged.', 'x', new Error('bad')],
};

describe('One error style everywhere', () => {
  it('every exported error class extends KeapVaultError, has a kind, and is named after its class', async () => {
    const classes = await exportedErrorClasses();
    const names = classes.map((c) => c.name);
    for (const family of ABSTRACT) assert.ok(names.includes(family), `${family} is still exported`);
    for (const name of Object.keys(ARGUMENTS)) assert.ok(names.includes(name), `${name} is still exported`);
    for (const Class of classes) {
      assert.ok((Class as unknown) === KeapVaultError || Class.prototype instanceof KeapVaultError, `${Class.name} extends KeapVaultError`);
      if (ABSTRACT.includes(Class.name)) continue;
      const err = Reflect.construct(Class, ARGUMENTS[Class.name] ?? ['Something happened; do this next.']) as KeapVaultError;
      assert.equal(typeof err.kind, 'string', `${Class.name} has a kind`);
      assert.ok(err.kind.length > 0, `${Class.name} has a non-empty kind`);
      assert.equal(err.name, Class.name);
      assert.ok(err.message.length > 0, `${Class.name} has a message`);
    }
  });

  it('no untyped `new Error(` outside the emulator, unless marked an invariant', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(path.join(ROOT, 'src'))) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (rel.startsWith('src/emulator/')) continue;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (line.includes('new Error(') && !/invariant/.test(line) && !/invariant/.test(lines[i - 1] ?? ''))
          offenders.push(`${rel}:${i + 1}`);
      });
    }
    assert.deepEqual(offenders, [], 'throw a typed error (KeapVaultError), or mark a bug-only throw with `// invariant: why`');
  });

  it('connection settings: a base URL a credential must not go to', () => {
    for (const [url, kind, message] of [
      ['not a url', 'not-a-url', 'Not a URL: not a url'],
      ['https://me:pw@api.example.com', 'credential-in-url', 'Put the credential in its own field, not in the URL.'],
      [
        'https://api.example.com/?access_token=x',
        'query-in-url',
        'The base URL takes no query or fragment (a token belongs in the credential field).',
      ],
      [
        'http://api.example.com',
        'insecure',
        'Use https: the credential would travel in clear text (plain http is allowed only to this machine).',
      ],
    ] as const) {
      assert.throws(
        () => checkedBaseUrl(url),
        (err: unknown) => err instanceof BaseUrlError && err.kind === kind && err.message === message,
      );
    }
    assert.equal(checkedBaseUrl('http://localhost:8080/'), 'http://localhost:8080');
  });

  it('requests: filter fields and values, record ids', () => {
    assert.throws(
      () => KeapFilter.where('a b', '==', 1),
      (err: unknown) => err instanceof KeapRequestError && err.kind === 'filter-field' && err.message === "Invalid filter field 'a b'",
    );
    assert.throws(
      () => KeapFilter.where('email', '==', 'x;id>0'),
      (err: unknown) =>
        err instanceof KeapRequestError && err.kind === 'filter-value' && err.message === "A filter value cannot contain ';' (email)",
    );
    assert.throws(
      () => encodeId('../1'),
      (err: unknown) => err instanceof KeapRequestError && err.kind === 'id',
    );
    assert.ok(!(new KeapRequestError('id', 'x') instanceof KeapError), 'never sent, so not an answer from Keap');
  });

  it('paging: an answer with no list, a page token that comes back', async () => {
    const answering = (...pages: Array<Record<string, unknown>>) => {
      let i = 0;
      return { request: async () => ({ data: pages[Math.min(i++, pages.length - 1)] }) } as unknown as KeapTransport;
    };
    await assert.rejects(
      async () => {
        for await (const _ of listAll(answering({}), '/contacts', 'contacts'));
      },
      (err: unknown) =>
        err instanceof KeapPagingError &&
        err.kind === 'no-list' &&
        err.request === 'GET /contacts' &&
        err.message === "GET /contacts: Keap's answer has no 'contacts' list",
    );
    await assert.rejects(
      async () => {
        for await (const _ of listAll(answering({ contacts: [{ id: 1 }], next_page_token: 't' }), '/contacts', 'contacts'));
      },
      (err: unknown) =>
        err instanceof KeapPagingError &&
        err.kind === 'repeated-page-token' &&
        err.message === 'GET /contacts: Keap returned the same page token twice',
    );
    assert.ok(!(new KeapPagingError('no-list', 'x', 'GET /x') instanceof KeapError), 'not a per-step failure to the applier');
  });

  it('snapshot reads and compares: unknown entities, orders, ignore paths', () => {
    const db = {} as SnapshotDb;
    assert.throws(
      () => listRecords(db, 'contacts', { orderBy: 'nope' }),
      (err: unknown) => err instanceof SnapshotQueryError && err.kind === 'order-by' && err.message === "Cannot order contacts by 'nope'",
    );
    assert.throws(
      () => diffSnapshots(db, db, { entities: ['nope' as never] }),
      (err: unknown) =>
        err instanceof SnapshotQueryError && err.kind === 'unknown-entity' && err.message === "Unknown snapshot entity 'nope'",
    );
    assert.throws(
      () => parsePath('.a'),
      (err: unknown) =>
        err instanceof IgnorePathError && err.kind === 'not-a-path' && err.path === '.a' && err.message === "Not a field path: '.a'",
    );
    assert.throws(
      () => parsePath(''),
      (err: unknown) =>
        err instanceof IgnorePathError && err.kind === 'empty-path' && err.message === 'An empty field path cannot be ignored',
    );
  });

  it('validation settings: a rule id no rule has', () => {
    const db = {} as SnapshotDb;
    assert.throws(
      () => validateSnapshot(db, { only: ['no-such-rule'] }),
      (err: unknown) =>
        err instanceof ValidationSettingError &&
        err.kind === 'unknown-rule' &&
        err.rule === 'no-such-rule' &&
        /^Unknown rule 'no-such-rule'; rules are: /.test(err.message),
    );
    assert.throws(
      () => validateSourceFile(db, 'x.json', '[]', { rules: { 'no-such-rule': 'off' } }),
      (err: unknown) =>
        err instanceof ValidationSettingError &&
        err.kind === 'unknown-rule' &&
        /^Unknown rule 'no-such-rule'; file rules are: /.test(err.message),
    );
  });

  it("the extension's UserError keeps its kind and message", () => {
    const err = new UserError('needs-selection', 'Nothing selected to apply.');
    assert.ok(err instanceof KeapVaultError);
    assert.deepEqual([err.kind, err.name, err.message], ['needs-selection', 'UserError', 'Nothing selected to apply.']);
  });
});
