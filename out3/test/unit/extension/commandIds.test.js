"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The extension's command ids agree everywhere: package.json, src/extension/commandIds.ts and every
 * 'keapVault.…' string in src/. Plain Node: the sources are parsed as text by TypeScript (to find their
 * string literals), and the only module loaded from src/extension is commandIds.ts, which has no
 * 'vscode' import.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const typescript_1 = __importDefault(require("typescript"));
const commandIds_1 = require("../../../src/extension/commandIds");
const ROOT = node_path_1.default.join(__dirname, '../../../..');
const manifest = JSON.parse((0, node_fs_1.readFileSync)(node_path_1.default.join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const declared = new Set(contributes.commands.map((c) => c.command));
const inModule = new Set(Object.values(commandIds_1.COMMANDS));
/** Names under keapVault. in a piece of text ('keapVault.hasRestores && view == keapVault.explorer'). */
const NAME = /keapVault\.[A-Za-z0-9_.]*/g;
const namesIn = (text) => text?.match(NAME) ?? [];
/** The commands that `[label](command:keapVault.…)` links in Markdown text run. */
const commandLinks = (text) => [...text.matchAll(/\(command:(keapVault\.[A-Za-z0-9_.]+)/g)].map((m) => m[1]);
/**
 * Names that are not commands but that package.json declares: views, settings (and the sections read
 * with getConfiguration), context keys used in `when` clauses and walkthrough completion events, and
 * the webview panel type.
 */
function manifestNames() {
    const names = new Set();
    const views = Object.values(contributes.views).flat();
    for (const view of views) {
        names.add(view.id);
        namesIn(view.when).forEach((n) => names.add(n));
    }
    const sections = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration];
    for (const key of sections.flatMap((section) => Object.keys(section.properties))) {
        const parts = key.split('.');
        for (let i = 2; i <= parts.length; i++)
            names.add(parts.slice(0, i).join('.'));
    }
    for (const item of Object.values(contributes.menus).flat())
        namesIn(item.when).forEach((n) => names.add(n));
    for (const welcome of contributes.viewsWelcome ?? [])
        namesIn(welcome.when).forEach((n) => names.add(n));
    for (const step of (contributes.walkthroughs ?? []).flatMap((w) => w.steps)) {
        for (const event of step.completionEvents ?? [])
            namesIn(event).forEach((n) => names.add(n));
        namesIn(step.when).forEach((n) => names.add(n));
    }
    for (const event of manifest.activationEvents ?? [])
        namesIn(event).forEach((n) => names.add(n));
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
function sourceFiles(dir) {
    return (0, node_fs_1.readdirSync)(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = node_path_1.default.join(dir, entry.name);
        if (entry.isDirectory())
            return sourceFiles(full);
        return entry.name.endsWith('.ts') ? [full] : [];
    });
}
/** Every string literal and piece of template literal in src/, with where it is. */
function literalsInSrc() {
    const literals = [];
    for (const file of sourceFiles(node_path_1.default.join(ROOT, 'src'))) {
        const source = typescript_1.default.createSourceFile(file, (0, node_fs_1.readFileSync)(file, 'utf8'), typescript_1.default.ScriptTarget.Latest, true);
        const visit = (node) => {
            if (typescript_1.default.isStringLiteral(node) || typescript_1.default.isTemplateLiteralToken(node)) {
                const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
                literals.push({ file: node_path_1.default.relative(ROOT, file), line: line + 1, text: node.text });
            }
            typescript_1.default.forEachChild(node, visit);
        };
        visit(source);
    }
    return literals;
}
describe('command ids', () => {
    const literals = literalsInSrc();
    const where = (l) => `${l.file}:${l.line}`;
    it('package.json declares exactly the commands of src/extension/commandIds.ts', () => {
        strict_1.default.ok(declared.size > 20, `package.json declares ${declared.size} commands`);
        strict_1.default.deepEqual([...inModule].filter((id) => !declared.has(id)), [], 'in commandIds.ts but not declared in package.json');
        strict_1.default.deepEqual([...declared].filter((id) => !inModule.has(id)), [], 'declared in package.json but missing from commandIds.ts');
    });
    it('every command package.json refers to (menus, welcome and walkthrough links) is declared', () => {
        const referred = [
            ...Object.values(contributes.menus)
                .flat()
                .map((item) => item.command),
            ...(contributes.viewsWelcome ?? []).flatMap((w) => commandLinks(w.contents)),
            ...(contributes.walkthroughs ?? []).flatMap((w) => w.steps).flatMap((s) => commandLinks(s.description)),
        ];
        strict_1.default.ok(referred.length > 0);
        strict_1.default.deepEqual(referred.filter((id) => !declared.has(id)), []);
    });
    it("every 'keapVault.…' string in src/ is a command id or a name package.json or the extension's storage declares", () => {
        const known = new Set([...inModule, ...manifestNames(), ...STORAGE_KEYS]);
        const unknown = literals.flatMap((l) => namesIn(l.text)
            .filter((name) => !known.has(name))
            .map((name) => `${where(l)}: '${name}'`));
        strict_1.default.deepEqual(unknown, [], 'a misspelt command id, or a new name to declare (package.json) or list here (STORAGE_KEYS)');
    });
    it('src/ names a command only through COMMANDS, never as a bare string', () => {
        const bare = literals.filter((l) => inModule.has(l.text) && !l.file.endsWith(node_path_1.default.join('extension', 'commandIds.ts')));
        strict_1.default.deepEqual(bare.map((l) => `${where(l)}: '${l.text}'`), []);
    });
    it('messages that name a command ("Keap Vault: …") use its current title', () => {
        const titles = new Set(contributes.commands.map((c) => `${c.category ? `${c.category}: ` : ''}${c.title}`));
        const named = literals.flatMap((l) => [...l.text.matchAll(/"(Keap Vault: [^"]+)"/g)].map((m) => ({ at: where(l), title: m[1] })));
        strict_1.default.ok(named.length > 0, 'no message names a command any more: this check has nothing to check');
        strict_1.default.deepEqual(named.filter((n) => !titles.has(n.title)).map((n) => `${n.at}: "${n.title}"`), []);
    });
});
//# sourceMappingURL=commandIds.test.js.map