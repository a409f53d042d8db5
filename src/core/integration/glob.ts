/**
 * VS Code's glob patterns (`files.exclude`, search globs) as a test of a path relative to its folder,
 * for the one file an editor event names: `**` across folders, `*` and `?` within a name, `{a,b}`
 * alternatives, `[…]` classes.
 */

/** Compiled once per glob: an editor asks again for every file event (an `npm install` is thousands). */
const compiled = new Map<string, (relPath: string) => boolean>();

export function globMatcher(glob: string): (relPath: string) => boolean {
  let matcher = compiled.get(glob);
  if (!matcher) {
    const regex = new RegExp(`^${toRegex(glob.replace(/^\.\//, ''))}$`);
    matcher = (relPath) => regex.test(relPath);
    if (compiled.size > 200) compiled.clear();
    compiled.set(glob, matcher);
  }
  return matcher;
}

/** Any of several globs. */
export function anyGlob(globs: readonly string[]): (relPath: string) => boolean {
  const matchers = globs.map(globMatcher);
  return (relPath) => matchers.some((m) => m(relPath));
}

function toRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        if (glob[i + 2] === '/') {
          out += '(?:.*/)?';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = matching(glob, i);
      if (close < 0) out += '\\{';
      else {
        out += `(?:${splitTop(glob.slice(i + 1, close))
          .map(toRegex)
          .join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += /[.+^$}()|\\]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

/** The `}` closing the `{` at `open`, braces nested. */
function matching(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `a,{b,c},d` -> a | {b,c} | d */
function splitTop(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
