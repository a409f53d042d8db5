// Bundles the entry points: the extension (Node, `vscode` external), the demo's emulator (Node,
// loaded by the extension on demand), the CLI (Node), the thread a capture writes its snapshot on
// (Node) and the webview scripts (browser): the plan preview and the record card.
// `--production` minifies; otherwise source maps are kept. `--watch` rebuilds on change
// (`npm run watch`); errors print as file:line:col, and in watch mode between one
// "[watch] build started" and one "[watch] build finished" line for all the bundles together, which
// the problem matcher of the watch task in .vscode/tasks.json (and $esbuild-watch) understands: a
// launch waits for every bundle, not only the first one done.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Bundles being built right now: the start and finish lines frame them all. */
let building = 0;

/** @type {import('esbuild').Plugin} */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0 && watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      const report =
        (label) =>
        ({ text, location }) => {
          console.error(`✘ [${label}] ${text}`);
          if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
        };
      result.errors.forEach(report('ERROR'));
      result.warnings.forEach(report('WARNING'));
      if (--building === 0 && watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcher],
};

// jsonc-parser's UMD entry requires files esbuild cannot see; its ESM entry bundles cleanly.
// The sql.js wasm is copied beside the bundle; the package path is only a fallback for unbundled runs.
const node = { platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], external: ['sql.js/dist/sql-wasm.wasm'] };

/**
 * The extension loads the emulator with a dynamic import() only for the demo: resolve that import to
 * the separate dist/emulator.js bundle instead of inlining the emulator into extension.js.
 */
const emulatorApart = {
  name: 'emulator-apart',
  setup(build) {
    build.onResolve({ filter: /\/emulator$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './emulator.js', external: true } : undefined,
    );
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    ...node,
    external: [...node.external, 'vscode'],
    plugins: [...common.plugins, emulatorApart],
    // As require() inside a promise: the extension host loads CommonJS, and require keeps the exports' names.
    supported: { 'dynamic-import': false },
  },
  { ...common, entryPoints: ['src/emulator/index.ts'], outfile: 'dist/emulator.js', ...node },
  // A full capture's snapshot is built on a thread of its own (src/core/snapshot/snapshotWriter.ts), started from this file.
  { ...common, entryPoints: ['src/core/snapshot/snapshotWriterWorker.ts'], outfile: 'dist/snapshotWriterWorker.js', ...node },
  // A large snapshot is hashed on a thread of its own while it is read (src/core/snapshot/imageHash.ts).
  { ...common, entryPoints: ['src/core/snapshot/imageHashWorker.ts'], outfile: 'dist/imageHashWorker.js', ...node },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', ...node, banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  // The record card (an order a person can read): a page of its own, with its own stylesheet (dist/recordCard.css).
  {
    ...common,
    entryPoints: ['src/webview/recordCard/main.ts'],
    outfile: 'dist/recordCard.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

/**
 * sql.js loads its wasm from the bundle's own folder at run time. The plan webview may read only
 * that folder, so the codicon stylesheet and its font go there too.
 */
function copyAssets() {
  fs.mkdirSync('dist/codicons', { recursive: true });
  fs.copyFileSync(path.join(path.dirname(require.resolve('sql.js')), 'sql-wasm.wasm'), 'dist/sql-wasm.wasm');
  const codicons = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(codicons, file), path.join('dist/codicons', file));
}

async function main() {
  copyAssets();
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild().catch((err) => err)));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  if (results.some((r) => r instanceof Error || r.errors?.length)) process.exit(1);
  fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
