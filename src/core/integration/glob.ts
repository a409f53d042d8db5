/**
 * VS Code's glob patterns (`files.exclude`, search globs) as a test of a path relative to its folder,
 * for the one file an editor event names, through minimatch (npm's own matcher): `**` across folders, `*` and `?`
 * within a name, `{a,b}` alternatives, `[…]` classes; names starting with a dot match as VS Code's do.
 */
import { Minimatch } from 'minimatch';

/** Compiled once per glob: an editor asks again for every file event (an `npm install` is thousands). */
const compiled = new Map<string, (relPath: string) => boolean>();

export function globMatcher(glob: string): (relPath: string) => boolean {
  let matcher = compiled.get(glob);
  if (!matcher) {
    const compiledGlob = new Minimatch(glob.replace(/^\.\//, ''), { dot: true });
    matcher = (relPath) => compiledGlob.match(relPath);
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
