"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
const fileWalk_1 = require("../../../src/core/integration/fileWalk");
const gitignore_1 = require("../../../src/core/integration/gitignore");
const glob_1 = require("../../../src/core/integration/glob");
const unifiedDiff_1 = require("../../../src/core/integration/unifiedDiff");
describe('which files, and the diff of a rewrite', () => {
    it("matches VS Code's globs: ** across folders, * within a name, {a,b}, [..]", () => {
        const excluded = (0, glob_1.globMatcher)('{**/node_modules/**,**/*.min.js,dist/**,**/[Tt]emp/*}');
        for (const p of ['node_modules/x/y.js', 'a/node_modules/y.js', 'src/app.min.js', 'dist/b.js', 'src/Temp/x', 'temp/y'])
            strict_1.default.ok(excluded(p), p);
        for (const p of ['src/dist/b.js', 'src/app.js', 'src/temp/deeper/x'])
            strict_1.default.ok(!excluded(p), p);
        strict_1.default.ok((0, glob_1.globMatcher)('src/**/*.{ts,js}')('src/a/b.ts'));
        strict_1.default.ok(!(0, glob_1.globMatcher)('src/**/*.{ts,js}')('lib/b.ts'));
    });
    it('reads .gitignore as git does: anchors, folders only, negation, nested files', () => {
        const ignore = new gitignore_1.GitIgnore();
        ignore.add('', '# build output\n/dist\nlogs/\n*.log\n!keep.log\n**/fixtures/big-*\n');
        ignore.add('pkg', 'generated.js\n');
        strict_1.default.ok(ignore.ignores('dist', true));
        strict_1.default.ok(!ignore.ignores('src/dist', true), 'a leading / anchors at the file');
        strict_1.default.ok(ignore.ignores('a/logs', true));
        strict_1.default.ok(!ignore.ignores('a/logs', false), 'a trailing / is for folders only');
        strict_1.default.ok(ignore.ignores('x/sync.log', false));
        strict_1.default.ok(!ignore.ignores('x/keep.log', false), '! takes a path back');
        strict_1.default.ok(ignore.ignores('test/fixtures/big-orders.json', false));
        strict_1.default.ok(ignore.ignores('pkg/sub/generated.js', false));
        strict_1.default.ok(!ignore.ignores('other/generated.js', false), "a nested .gitignore covers its own folder's paths only");
    });
    it('answers for single files (an editor event), reading the .gitignore files on the way once', async () => {
        const root = await node_fs_1.promises.mkdtemp(node_path_1.default.join((0, node_os_1.tmpdir)(), 'kv-ignore-'));
        await node_fs_1.promises.mkdir(node_path_1.default.join(root, 'src', 'gen'), { recursive: true });
        await node_fs_1.promises.writeFile(node_path_1.default.join(root, '.gitignore'), 'build/\n');
        await node_fs_1.promises.writeFile(node_path_1.default.join(root, 'src', '.gitignore'), 'gen/\n');
        const tree = new fileWalk_1.IgnoreTree(root);
        strict_1.default.equal(await tree.ignores(node_path_1.default.join(root, 'build', 'x.js')), true);
        strict_1.default.equal(await tree.ignores(node_path_1.default.join(root, 'src', 'gen', 'x.js')), true);
        strict_1.default.equal(await tree.ignores(node_path_1.default.join(root, 'src', 'x.js')), false);
        strict_1.default.equal(await tree.ignores(node_path_1.default.join(root, 'node_modules', 'y', 'z.js')), true);
    });
    it('prints a unified diff with 3 lines of context, hunks merged when close, and a missing final newline said', () => {
        const before = ['a', 'order_id: 17', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'order_id: 17'].join('\n');
        const after = before.replace(/17/g, '250');
        strict_1.default.equal((0, unifiedDiff_1.unifiedDiff)(before, after, 'a/x.yaml', 'b/x.yaml'), [
            '--- a/x.yaml',
            '+++ b/x.yaml',
            '@@ -1,5 +1,5 @@',
            ' a',
            '-order_id: 17',
            '+order_id: 250',
            ' b',
            ' c',
            ' d',
            '@@ -10,4 +10,4 @@',
            ' i',
            ' j',
            ' k',
            '-order_id: 17',
            '\\ No newline at end of file',
            '+order_id: 250',
            '\\ No newline at end of file',
            '',
        ].join('\n'));
        strict_1.default.equal((0, unifiedDiff_1.unifiedDiff)('x\r\ny\r\n', 'x\r\ny\r\n', 'a'), '', 'nothing changed, nothing printed');
    });
});
//# sourceMappingURL=files.test.js.map