/**
 * `.gitignore` files as git reads them, for the common syntax: blank lines and `#` comments, `!` to
 * take a path back, a trailing `/` for folders only, a `/` at the start or in the middle to anchor at
 * the file's folder, `*`, `?`, `[…]` and `**`. (Escaped trailing spaces and the global excludes file
 * are not read.)
 */

interface Rule {
  regex: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

export class GitIgnore {
  private readonly rules: Array<Rule & { base: string }> = [];
  /** `.gitignore` files above the walk's root (they ignore first; the walk's own files may take a path back). */
  private readonly outer: Array<(relPath: string, isDir: boolean) => boolean> = [];

  addOuter(ignores: (relPath: string, isDir: boolean) => boolean): void {
    this.outer.push(ignores);
  }

  /** Adds the patterns of the `.gitignore` in `base` (a folder relative to the walk's root, '' for the root, '/' separators). */
  add(base: string, text: string): void {
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/\s+$/, '');
      if (!line || line.startsWith('#')) continue;
      const negate = line.startsWith('!');
      let pattern = negate ? line.slice(1) : line;
      if (pattern.startsWith('\\')) pattern = pattern.slice(1);
      const dirOnly = pattern.endsWith('/');
      if (dirOnly) pattern = pattern.slice(0, -1);
      const anchored = pattern.includes('/');
      if (pattern.startsWith('/')) pattern = pattern.slice(1);
      const body = globToRegex(pattern);
      this.rules.push({ regex: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}$`), negate, dirOnly, base });
    }
  }

  /** Whether a path (relative to the walk's root, '/' separators) is ignored. A path in an ignored folder is never reached: the walk skips the folder. */
  ignores(relPath: string, isDir: boolean): boolean {
    let ignored = this.outer.some((o) => o(relPath, isDir));
    for (const rule of this.rules) {
      if (rule.dirOnly && !isDir) continue;
      if (rule.base && !relPath.startsWith(rule.base + '/')) continue;
      const inBase = rule.base ? relPath.slice(rule.base.length + 1) : relPath;
      if (rule.regex.test(inBase)) ignored = !rule.negate;
    }
    return ignored;
  }
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` any folders (none included), `/**` everything below, `**` alone anything
        if (glob[i + 2] === '/') {
          out += '(?:.*/)?';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += /[.+^${}()|\\]/.test(c) ? `\\${c}` : c;
  }
  return out;
}
