"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.GitIgnore = void 0;
/**
 * `.gitignore` files as git reads them, through `ignore` (the matcher ESLint and many tools use: the
 * whole syntax, `!` negation, anchoring, `**`, escapes). Each folder's file applies below it, a
 * deeper one after its parents, so it can take a path back.
 */
const ignore_1 = __importDefault(require("ignore"));
class GitIgnore {
    /** Per folder (relative to the walk's root, '' for the root), its `.gitignore`, in the order added (parents first). */
    files = [];
    /** `.gitignore` files above the walk's root (they ignore first; the walk's own files may take a path back). */
    outer = [];
    addOuter(ignores) {
        this.outer.push(ignores);
    }
    /** Adds the patterns of the `.gitignore` in `base` (a folder relative to the walk's root, '' for the root, '/' separators). */
    add(base, text) {
        this.files.push({ base, rules: (0, ignore_1.default)().add(text) });
    }
    /** Whether a path (relative to the walk's root, '/' separators) is ignored. A path in an ignored folder is never reached: the walk skips the folder. */
    ignores(relPath, isDir) {
        let ignored = this.outer.some((o) => o(relPath, isDir));
        for (const { base, rules } of this.files) {
            if (base && !relPath.startsWith(base + '/'))
                continue;
            const inBase = (base ? relPath.slice(base.length + 1) : relPath) + (isDir ? '/' : '');
            const { ignored: hit, unignored } = rules.test(inBase);
            if (hit)
                ignored = true;
            else if (unignored)
                ignored = false;
        }
        return ignored;
    }
}
exports.GitIgnore = GitIgnore;
//# sourceMappingURL=gitignore.js.map