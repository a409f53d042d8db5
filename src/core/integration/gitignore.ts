/**
 * `.gitignore` files as git reads them, through `ignore` (the matcher ESLint and many tools use: the
 * whole syntax, `!` negation, anchoring, `**`, escapes). Each folder's file applies below it, a
 * deeper one after its parents, so it can take a path back.
 */
import ignore, { type Ignore } from 'ignore';

export class GitIgnore {
  /** Per folder (relative to the walk's root, '' for the root), its `.gitignore`, in the order added (parents first). */
  private readonly files: Array<{ base: string; rules: Ignore }> = [];
  /** `.gitignore` files above the walk's root (they ignore first; the walk's own files may take a path back). */
  private readonly outer: Array<(relPath: string, isDir: boolean) => boolean> = [];

  addOuter(ignores: (relPath: string, isDir: boolean) => boolean): void {
    this.outer.push(ignores);
  }

  /** Adds the patterns of the `.gitignore` in `base` (a folder relative to the walk's root, '' for the root, '/' separators). */
  add(base: string, text: string): void {
    this.files.push({ base, rules: ignore().add(text) });
  }

  /** Whether a path (relative to the walk's root, '/' separators) is ignored. A path in an ignored folder is never reached: the walk skips the folder. */
  ignores(relPath: string, isDir: boolean): boolean {
    let ignored = this.outer.some((o) => o(relPath, isDir));
    for (const { base, rules } of this.files) {
      if (base && !relPath.startsWith(base + '/')) continue;
      const inBase = (base ? relPath.slice(base.length + 1) : relPath) + (isDir ? '/' : '');
      const { ignored: hit, unignored } = rules.test(inBase);
      if (hit) ignored = true;
      else if (unignored) ignored = false;
    }
    return ignored;
  }
}
