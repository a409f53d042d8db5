// ESLint flat config (`npm run lint`):
// - @eslint/js and typescript-eslint `recommended` (rules that need no type information);
// - three type-aware rules about promises, through the TypeScript project service (each file is checked
//   with the tsconfig.json nearest to it: the root one, or src/webview's). The whole tree lints in 20-30 s
//   on 2 cores, about half of it building the type information; the full `recommendedTypeChecked` set was
//   left out on purpose (about 200 findings, mostly no-unsafe-* on parsed JSON);
// - the import boundaries between the layers (see CONTRIBUTING.md, "Import boundaries").
// No stylistic rules: formatting is Prettier's job (`npm run format`).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---- Import boundaries ----------------------------------------------------------------------------
// Each rule matches the import specifier as written; every cross-layer import in this tree is relative
// ('../../core/money'), so a regular expression over the relative path catches it at any depth. (Dynamic
// `import()` is not checked; `require()` in TypeScript is refused by no-require-imports.)
// `allowTypeImports` lets `import type` / `export type` through: types vanish at compile time and put
// nothing into a bundle.

/** A relative specifier into one of the top-level `layers` of src/, except the modules listed in `except` (paths inside the layer). */
function into(layers, except = []) {
  const exception = except.length ? `(?!(?:${except.join('|')})$)` : '';
  return { regex: `^\\.\\.?/(?:.*/)?(?:${layers.join('|')})(?:/${exception}|$)`, caseSensitive: true };
}

const vscodeOnlyInExtension = {
  name: 'vscode',
  message: "Only src/extension may import 'vscode': the core, the CLI, the emulator and the webview page run where it does not exist.",
};

const coreBoundaries = {
  paths: [vscodeOnlyInExtension],
  patterns: [
    {
      ...into(['extension', 'cli', 'webview', 'emulator']),
      message: 'src/core is the shared engine: it may not depend on a front end (extension, CLI, webview) or on the emulator.',
    },
  ],
};

const extensionBoundaries = {
  patterns: [{ ...into(['cli']), message: 'The extension and the CLI are separate front ends: share code through src/core.' }],
};

const cliBoundaries = {
  paths: [vscodeOnlyInExtension],
  patterns: [{ ...into(['extension', 'webview']), message: 'The CLI may not depend on the VS Code extension or its webview.' }],
};

/**
 * The emulator stands in for Keap, so it must not run Keap Vault's own logic (a bug there would be
 * mirrored on both sides of every test); types of Keap's wire format (core/model) are fine. It keeps
 * its own money arithmetic (src/emulator/money.ts); fixtures that write an emulated account into the
 * core's snapshot live with the tests (test/fixtures).
 */
const emulatorBoundaries = {
  paths: [vscodeOnlyInExtension],
  patterns: [
    {
      ...into(['core']),
      allowTypeImports: true,
      message: "The emulator stands in for Keap and may not run Keap Vault's own logic: take only types from src/core (`import type`).",
    },
    { ...into(['extension', 'cli']), message: 'The emulator may not depend on a front end.' },
  ],
};

/**
 * The webview is a browser bundle: from the core it may take only types, and only from the modules
 * written for it (no behaviour, no Node imports). Anything else from the core would pull Node code
 * into the page.
 */
const WEBVIEW_TYPE_MODULES = ['restore/planTypes'];
const webviewBoundaries = {
  paths: [vscodeOnlyInExtension],
  patterns: [
    {
      ...into(['core'], WEBVIEW_TYPE_MODULES),
      message: `The webview may take from src/core only types, and only from its type modules (${WEBVIEW_TYPE_MODULES.join(', ')}).`,
    },
    {
      regex: `^\\.\\.?/(?:.*/)?core/(?:${WEBVIEW_TYPE_MODULES.join('|')})$`,
      caseSensitive: true,
      allowTypeImports: true,
      message:
        'The webview may take only types from the core (`import type` / `export type`): a value import bundles core code into the page.',
    },
    { regex: '^node:', message: 'The webview runs in a browser: no Node modules.' },
    { ...into(['extension', 'cli', 'emulator']), message: 'The webview talks to the extension only through the messages in protocol.ts.' },
  ],
};

export default defineConfig(
  {
    ignores: ['node_modules/', 'out/', 'dist/', '.vscode-test/', '.scratch/', '**/*.vsix', 'test/unit/integration/corpus/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A `_`-prefixed name is unused on purpose (`for (const _ of …)`, `const { dropped: _dropped, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A promise nobody awaits loses its rejection: await it, or mark it `void` on purpose (the codebase's
      // convention for fire-and-forget); no promise where a boolean or a void callback is expected.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // ---- Boundaries, one block per layer --------------------------------------------------------------
  { files: ['src/core/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', coreBoundaries] } },
  { files: ['src/extension/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', extensionBoundaries] } },
  { files: ['src/cli/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', cliBoundaries] } },
  { files: ['src/emulator/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', emulatorBoundaries] } },
  { files: ['src/webview/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', webviewBoundaries] } },
  {
    // Unit tests, their shared fixtures and benchmarks run in plain Node, where there is no 'vscode' module.
    files: ['test/unit/**/*.ts', 'test/fixtures/**/*.ts', 'test/webview/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ ...vscodeOnlyInExtension, message: "Runs in plain Node: 'vscode' exists only in the extension host (test/vscode)." }] },
      ],
    },
  },
  // ---- Plain JavaScript (build script, code-server launcher, this file): no type information -------
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
