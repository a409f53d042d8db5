import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IgnoreTree } from '../../../src/core/integration/fileWalk';
import { GitIgnore } from '../../../src/core/integration/gitignore';
import { globMatcher } from '../../../src/core/integration/glob';
import { unifiedDiff } from '../../../src/core/integration/unifiedDiff';

describe('which files, and the diff of a rewrite', () => {
  it("matches VS Code's globs: ** across folders, * within a name, {a,b}, [..]", () => {
    const excluded = globMatcher('{**/node_modules/**,**/*.min.js,dist/**,**/[Tt]emp/*}');
    for (const p of ['node_modules/x/y.js', 'a/node_modules/y.js', 'src/app.min.js', 'dist/b.js', 'src/Temp/x', 'temp/y'])
      assert.ok(excluded(p), p);
    for (const p of ['src/dist/b.js', 'src/app.js', 'src/temp/deeper/x']) assert.ok(!excluded(p), p);
    assert.ok(globMatcher('src/**/*.{ts,js}')('src/a/b.ts'));
    assert.ok(!globMatcher('src/**/*.{ts,js}')('lib/b.ts'));
  });

  it('reads .gitignore as git does: anchors, folders only, negation, nested files', () => {
    const ignore = new GitIgnore();
    ignore.add('', '# build output\n/dist\nlogs/\n*.log\n!keep.log\n**/fixtures/big-*\n');
    ignore.add('pkg', 'generated.js\n');
    assert.ok(ignore.ignores('dist', true));
    assert.ok(!ignore.ignores('src/dist', true), 'a leading / anchors at the file');
    assert.ok(ignore.ignores('a/logs', true));
    assert.ok(!ignore.ignores('a/logs', false), 'a trailing / is for folders only');
    assert.ok(ignore.ignores('x/sync.log', false));
    assert.ok(!ignore.ignores('x/keep.log', false), '! takes a path back');
    assert.ok(ignore.ignores('test/fixtures/big-orders.json', false));
    assert.ok(ignore.ignores('pkg/sub/generated.js', false));
    assert.ok(!ignore.ignores('other/generated.js', false), "a nested .gitignore covers its own folder's paths only");
  });

  it('answers for single files (an editor event), reading the .gitignore files on the way once', async () => {
    const root = await fs.mkdtemp(path.join(tmpdir(), 'kv-ignore-'));
    await fs.mkdir(path.join(root, 'src', 'gen'), { recursive: true });
    await fs.writeFile(path.join(root, '.gitignore'), 'build/\n');
    await fs.writeFile(path.join(root, 'src', '.gitignore'), 'gen/\n');
    const tree = new IgnoreTree(root);
    assert.equal(await tree.ignores(path.join(root, 'build', 'x.js')), true);
    assert.equal(await tree.ignores(path.join(root, 'src', 'gen', 'x.js')), true);
    assert.equal(await tree.ignores(path.join(root, 'src', 'x.js')), false);
    assert.equal(await tree.ignores(path.join(root, 'node_modules', 'y', 'z.js')), true);
  });

  it('prints a unified diff with 3 lines of context, hunks merged when close, and a missing final newline said', () => {
    const before = ['a', 'order_id: 17', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'order_id: 17'].join('\n');
    const after = before.replace(/17/g, '250');
    assert.equal(
      unifiedDiff(before, after, 'a/x.yaml', 'b/x.yaml'),
      [
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
      ].join('\n'),
    );
    assert.equal(unifiedDiff('x\r\ny\r\n', 'x\r\ny\r\n', 'a'), '', 'nothing changed, nothing printed');
  });
});
