"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const errors_1 = require("../../src/core/errors");
const errors_2 = require("../../src/core/keap/errors");
const errors_3 = require("../../src/core/snapshot/errors");
const export_1 = require("../../src/core/snapshot/export");
const baseUrl_1 = require("../../src/core/keap/baseUrl");
const errors_4 = require("../../src/core/keap/errors");
const filter_1 = require("../../src/core/keap/filter");
const paging_1 = require("../../src/core/keap/paging");
const resource_1 = require("../../src/core/keap/resources/resource");
const diff_1 = require("../../src/core/snapshot/diff");
const diffFields_1 = require("../../src/core/snapshot/diffFields");
const errors_5 = require("../../src/core/snapshot/errors");
const query_1 = require("../../src/core/snapshot/query");
const engine_1 = require("../../src/core/validate/engine");
const errors_6 = require("../../src/core/validate/errors");
const validateFile_1 = require("../../src/core/validate/files/validateFile");
const userError_1 = require("../../src/extension/userError");
/** Every typed error: its family and the `kind` callers and tests match on (these values are a contract). */
const KEAP = [
    [errors_2.KeapAuthError, 'auth'],
    [errors_2.KeapPermissionError, 'permission'],
    [errors_2.KeapNotFoundError, 'not-found'],
    [errors_2.KeapValidationError, 'validation'],
    [errors_2.KeapConflictError, 'conflict'],
    [errors_2.KeapThrottledError, 'throttled'],
    [errors_2.KeapUnavailableError, 'unavailable'],
    [errors_2.KeapUncertainWriteError, 'uncertain-write'],
    [errors_2.KeapProtocolError, 'protocol'],
];
const SNAPSHOT = [
    [errors_3.SnapshotNotFoundError, 'not-found'],
    [errors_3.SnapshotFormatError, 'format'],
    [errors_3.SnapshotVersionError, 'version'],
    [errors_3.SnapshotCorruptError, 'corrupt'],
    [errors_3.SnapshotKeyError, 'key'],
];
const EXPORT = [
    [export_1.ExportFormatError, 'format'],
    [export_1.ExportEntityError, 'entity'],
    [export_1.ExportPathError, 'path'],
    [export_1.ExportExistsError, 'exists'],
];
describe('Typed errors (one style: a kind and a user-facing message)', () => {
    it('Keap errors keep their kind, name, message and request details on the shared base', () => {
        for (const [Class, kind] of KEAP) {
            const err = new Class('Keap said no; check the connection.', 401, 'E1', 'GET /contacts');
            strict_1.default.ok(err instanceof errors_1.KeapVaultError && err instanceof errors_2.KeapError && err instanceof Error, Class.name);
            strict_1.default.equal(err.kind, kind);
            strict_1.default.equal(err.name, Class.name);
            strict_1.default.equal(err.message, 'Keap said no; check the connection.');
            strict_1.default.deepEqual([err.status, err.keapCode, err.request], [401, 'E1', 'GET /contacts']);
            strict_1.default.match(err.stack ?? '', new RegExp(`^${Class.name}: Keap said no`));
            strict_1.default.ok(!(err instanceof errors_1.KeapVaultFileError));
        }
    });
    it('snapshot and export errors keep their kind, name, message and file on the shared file base', () => {
        for (const [Family, table] of [
            [errors_3.SnapshotError, SNAPSHOT],
            [export_1.ExportError, EXPORT],
        ]) {
            for (const [Class, kind] of table) {
                const err = new Class('Not usable; pick another file.', '/tmp/x');
                strict_1.default.ok(err instanceof errors_1.KeapVaultFileError && err instanceof errors_1.KeapVaultError && err instanceof Family, Class.name);
                strict_1.default.equal(err.kind, kind);
                strict_1.default.equal(err.name, Class.name);
                strict_1.default.equal(err.message, 'Not usable; pick another file.');
                strict_1.default.equal(err.file, '/tmp/x');
                strict_1.default.equal(new Class('no file').file, undefined);
            }
        }
    });
    it('the three families stay apart', () => {
        strict_1.default.ok(!(new errors_3.SnapshotFormatError('x') instanceof export_1.ExportError));
        strict_1.default.ok(!(new export_1.ExportFormatError('x') instanceof errors_3.SnapshotError));
        strict_1.default.ok(!(new errors_2.KeapNotFoundError('x') instanceof errors_3.SnapshotError));
    });
});
/** The repository, from out/test/unit/ (where this file runs compiled). */
const ROOT = path.join(__dirname, '../../..');
function tsFiles(dir) {
    return (0, node_fs_1.readdirSync)(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []);
}
/** Every error class a module of the core (and the extension's and CLI's own error modules) exports. */
async function exportedErrorClasses() {
    const modules = [
        ...tsFiles(path.join(ROOT, 'src/core')),
        path.join(ROOT, 'src/extension/userError.ts'),
        path.join(ROOT, 'src/cli/commands/disaster.ts'),
    ];
    const found = new Set();
    for (const file of modules) {
        const compiled = path.join(ROOT, 'out', path.relative(ROOT, file)).replace(/\.ts$/, '.js');
        for (const value of Object.values((await Promise.resolve(`${compiled}`).then(s => __importStar(require(s)))))) {
            if (typeof value === 'function' && value.prototype instanceof Error)
                found.add(value);
        }
    }
    return [...found];
}
/** The abstract families: never thrown themselves, so they have no `kind` of their own. */
const ABSTRACT = ['KeapVaultError', 'KeapVaultFileError', 'KeapError', 'SnapshotError', 'ExportError', 'UseCaseError'];
/** Constructor arguments where the first one is not just the message. */
const ARGUMENTS = {
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
        for (const family of ABSTRACT)
            strict_1.default.ok(names.includes(family), `${family} is still exported`);
        for (const name of Object.keys(ARGUMENTS))
            strict_1.default.ok(names.includes(name), `${name} is still exported`);
        for (const Class of classes) {
            strict_1.default.ok(Class === errors_1.KeapVaultError || Class.prototype instanceof errors_1.KeapVaultError, `${Class.name} extends KeapVaultError`);
            if (ABSTRACT.includes(Class.name))
                continue;
            const err = Reflect.construct(Class, ARGUMENTS[Class.name] ?? ['Something happened; do this next.']);
            strict_1.default.equal(typeof err.kind, 'string', `${Class.name} has a kind`);
            strict_1.default.ok(err.kind.length > 0, `${Class.name} has a non-empty kind`);
            strict_1.default.equal(err.name, Class.name);
            strict_1.default.ok(err.message.length > 0, `${Class.name} has a message`);
        }
    });
    it('no untyped `new Error(` outside the emulator, unless marked an invariant', () => {
        const offenders = [];
        for (const file of tsFiles(path.join(ROOT, 'src'))) {
            const rel = path.relative(ROOT, file).split(path.sep).join('/');
            if (rel.startsWith('src/emulator/'))
                continue;
            const lines = (0, node_fs_1.readFileSync)(file, 'utf8').split('\n');
            lines.forEach((line, i) => {
                if (line.includes('new Error(') && !/invariant/.test(line) && !/invariant/.test(lines[i - 1] ?? ''))
                    offenders.push(`${rel}:${i + 1}`);
            });
        }
        strict_1.default.deepEqual(offenders, [], 'throw a typed error (KeapVaultError), or mark a bug-only throw with `// invariant: why`');
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
        ]) {
            strict_1.default.throws(() => (0, baseUrl_1.checkedBaseUrl)(url), (err) => err instanceof errors_4.BaseUrlError && err.kind === kind && err.message === message);
        }
        strict_1.default.equal((0, baseUrl_1.checkedBaseUrl)('http://localhost:8080/'), 'http://localhost:8080');
    });
    it('requests: filter fields and values, record ids', () => {
        strict_1.default.throws(() => filter_1.KeapFilter.where('a b', '==', 1), (err) => err instanceof errors_4.KeapRequestError && err.kind === 'filter-field' && err.message === "Invalid filter field 'a b'");
        strict_1.default.throws(() => filter_1.KeapFilter.where('email', '==', 'x;id>0'), (err) => err instanceof errors_4.KeapRequestError && err.kind === 'filter-value' && err.message === "A filter value cannot contain ';' (email)");
        strict_1.default.throws(() => (0, resource_1.encodeId)('../1'), (err) => err instanceof errors_4.KeapRequestError && err.kind === 'id');
        strict_1.default.ok(!(new errors_4.KeapRequestError('id', 'x') instanceof errors_2.KeapError), 'never sent, so not an answer from Keap');
    });
    it('paging: an answer with no list, a page token that comes back', async () => {
        const answering = (...pages) => {
            let i = 0;
            return { request: async () => ({ data: pages[Math.min(i++, pages.length - 1)] }) };
        };
        await strict_1.default.rejects(async () => {
            for await (const _ of (0, paging_1.listAll)(answering({}), '/contacts', 'contacts'))
                ;
        }, (err) => err instanceof errors_4.KeapPagingError &&
            err.kind === 'no-list' &&
            err.request === 'GET /contacts' &&
            err.message === "GET /contacts: Keap's answer has no 'contacts' list");
        await strict_1.default.rejects(async () => {
            for await (const _ of (0, paging_1.listAll)(answering({ contacts: [{ id: 1 }], next_page_token: 't' }), '/contacts', 'contacts'))
                ;
        }, (err) => err instanceof errors_4.KeapPagingError &&
            err.kind === 'repeated-page-token' &&
            err.message === 'GET /contacts: Keap returned the same page token twice');
        strict_1.default.ok(!(new errors_4.KeapPagingError('no-list', 'x', 'GET /x') instanceof errors_2.KeapError), 'not a per-step failure to the applier');
    });
    it('snapshot reads and compares: unknown entities, orders, ignore paths', () => {
        const db = {};
        strict_1.default.throws(() => (0, query_1.listRecords)(db, 'contacts', { orderBy: 'nope' }), (err) => err instanceof errors_5.SnapshotQueryError && err.kind === 'order-by' && err.message === "Cannot order contacts by 'nope'");
        strict_1.default.throws(() => (0, diff_1.diffSnapshots)(db, db, { entities: ['nope'] }), (err) => err instanceof errors_5.SnapshotQueryError && err.kind === 'unknown-entity' && err.message === "Unknown snapshot entity 'nope'");
        strict_1.default.throws(() => (0, diffFields_1.parsePath)('.a'), (err) => err instanceof errors_5.IgnorePathError && err.kind === 'not-a-path' && err.path === '.a' && err.message === "Not a field path: '.a'");
        strict_1.default.throws(() => (0, diffFields_1.parsePath)(''), (err) => err instanceof errors_5.IgnorePathError && err.kind === 'empty-path' && err.message === 'An empty field path cannot be ignored');
    });
    it('validation settings: a rule id no rule has', () => {
        const db = {};
        strict_1.default.throws(() => (0, engine_1.validateSnapshot)(db, { only: ['no-such-rule'] }), (err) => err instanceof errors_6.ValidationSettingError &&
            err.kind === 'unknown-rule' &&
            err.rule === 'no-such-rule' &&
            /^Unknown rule 'no-such-rule'; rules are: /.test(err.message));
        strict_1.default.throws(() => (0, validateFile_1.validateSourceFile)(db, 'x.json', '[]', { rules: { 'no-such-rule': 'off' } }), (err) => err instanceof errors_6.ValidationSettingError &&
            err.kind === 'unknown-rule' &&
            /^Unknown rule 'no-such-rule'; file rules are: /.test(err.message));
    });
    it("the extension's UserError keeps its kind and message", () => {
        const err = new userError_1.UserError('needs-selection', 'Nothing selected to apply.');
        strict_1.default.ok(err instanceof errors_1.KeapVaultError);
        strict_1.default.deepEqual([err.kind, err.name, err.message], ['needs-selection', 'UserError', 'Nothing selected to apply.']);
    });
});
//# sourceMappingURL=errors.test.js.map