/**
 * The extension's command ids agree everywhere: package.json, src/extension/commandIds.ts and every
 * 'keapVault.…' string in src/. Plain Node: the sources are parsed as text by TypeScript (to find their
 * string literals), and the only module loaded from src/extension is commandIds.ts, which has no
 * 'vscode' import.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { COMMANDS } from '../../../src/extension/commandIds';

const ROOT = path.join(__dirname, '../../../..');

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: ContributedCommand[];
    views: Record<string, Array<{ id: string; when?: string }>>;
    viewsWelcome?: Array<{ view: string; contents: string; when?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    /** One object, or (grouped into sections) a list of them. */
    configuration: { properties: Record<string, unknown> } | Array<{ properties: Record<string, unknown> }>;
    walkthroughs?: Array<{ steps: Array<{ description: string; completionEvents?: string[]; when?: string }> }>;
  };
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const contributes = manifest.contributes;
const declared = new Set(contributes.commands.map((c) => c.command));
const inModule = new Set<string>(Object.values(COMMANDS));

/** Names under keapVault. in a piece of text ('keapVault.hasRestores && view == keapVault.explorer'). */
const NAME = /keapVault\.[A-Za-z0-9_.]*/g;
const namesIn = (text: string | undefined): string[] => text?.match(NAME) ?? [];
/** The commands that `[label](command:keapVault.…)` links in Markdown text run. */
const commandLinks = (text: string): string[] => [...text.matchAll(/\(command:(keapVault\.[A-Za-z0-9_.]+)/g)].map((m) => m[1]);

/**
 * Names that are not commands but that package.json declares: views, settings (and the sections read
 * with getConfiguration), context keys used in `when` clauses and walkthrough completion events, and
 * the webview panel type.
 */
function manifestNames(): Set<string> {
  const names = new Set<string>();
  const views = Object.values(contributes.views).flat();
  for (const view of views) {
    names.add(view.id);
    namesIn(view.when).forEach((n) => names.add(n));
  }
  const sections = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration];
  for (const key of sections.flatMap((section) => Object.keys(section.properties))) {
    const parts = key.split('.');
    for (let i = 2; i <= parts.length; i++) names.add(parts.slice(0, i).join('.'));
  }
  for (const item of Object.values(contributes.menus).flat()) namesIn(item.when).forEach((n) => names.add(n));
  for (const welcome of contributes.viewsWelcome ?? []) namesIn(welcome.when).forEach((n) => names.add(n));
  for (const step of (contributes.walkthroughs ?? []).flatMap((w) => w.steps)) {
    for (const event of step.completionEvents ?? []) namesIn(event).forEach((n) => names.add(n));
    namesIn(step.when).forEach((n) => names.add(n));
  }
  for (const event of manifest.activationEvents ?? []) namesIn(event).forEach((n) => names.add(n));
  return names;
}

/** Keys the extension stores its own state under (globalState, SecretStorage); a trailing '.' is a prefix. */
const STORAGE_KEYS = new Set([
  'keapVault.connections', // globalState: the connection list
  'keapVault.credential.', // SecretStorage: one credential per connection id
  'keapVault.snapshotKey', // SecretStorage: the snapshot encryption key
  'keapVault.restores', // globalState: the restore history
  'keapVault.restoreUi.', // globalState: a preview's state, per plan id
  'keapVault.walkthrough', // globalState: walkthrough steps done that nothing else remembers
]);

interface Literal {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every string literal and piece of template literal in src/, with where it is. */
function literalsInSrc(): Literal[] {
  const literals: Literal[] = [];
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isTemplateLiteralToken(node)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        literals.push({ file: path.relative(ROOT, file), line: line + 1, text: node.text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return literals;
}

describe('command ids', () => {
  const literals = literalsInSrc();
  const where = (l: Literal) => `${l.file}:${l.line}`;

  it('package.json declares exactly the commands of src/extension/commandIds.ts', () => {
    assert.ok(declared.size > 20, `package.json declares ${declared.size} commands`);
    assert.deepEqual(
      [...inModule].filter((id) => !declared.has(id)),
      [],
      'in commandIds.ts but not declared in package.json',
    );
    assert.deepEqual(
      [...declared].filter((id) => !inModule.has(id)),
      [],
      'declared in package.json but missing from commandIds.ts',
    );
  });

  it('every command package.json refers to (menus, welcome and walkthrough links) is declared', () => {
    const referred = [
      ...Object.values(contributes.menus)
        .flat()
        .map((item) => item.command),
      ...(contributes.viewsWelcome ?? []).flatMap((w) => commandLinks(w.contents)),
      ...(contributes.walkthroughs ?? []).flatMap((w) => w.steps).flatMap((s) => commandLinks(s.description)),
    ];
    assert.ok(referred.length > 0);
    assert.deepEqual(
      referred.filter((id) => !declared.has(id)),
      [],
    );
  });

  it("every 'keapVault.…' string in src/ is a command id or a name package.json or the extension's storage declares", () => {
    const known = new Set([...inModule, ...manifestNames(), ...STORAGE_KEYS]);
    const unknown = literals.flatMap((l) =>
      namesIn(l.text)
        .filter((name) => !known.has(name))
        .map((name) => `${where(l)}: '${name}'`),
    );
    assert.deepEqual(unknown, [], 'a misspelt command id, or a new name to declare (package.json) or list here (STORAGE_KEYS)');
  });

  it('src/ names a command only through COMMANDS, never as a bare string', () => {
    const bare = literals.filter((l) => inModule.has(l.text) && !l.file.endsWith(path.join('extension', 'commandIds.ts')));
    assert.deepEqual(
      bare.map((l) => `${where(l)}: '${l.text}'`),
      [],
    );
  });

  it('messages that name a command ("Keap Vault: …") use its current title', () => {
    const titles = new Set(contributes.commands.map((c) => `${c.category ? `${c.category}: ` : ''}${c.title}`));
    const named = literals.flatMap((l) => [...l.text.matchAll(/"(Keap Vault: [^"]+)"/g)].map((m) => ({ at: where(l), title: m[1] })));
    assert.ok(named.length > 0, 'no message names a command any more: this check has nothing to check');
    assert.deepEqual(
      named.filter((n) => !titles.has(n.title)).map((n) => `${n.at}: "${n.title}"`),
      [],
    );
  });
});
