"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.globMatcher = globMatcher;
exports.anyGlob = anyGlob;
/**
 * VS Code's glob patterns (`files.exclude`, search globs) as a test of a path relative to its folder,
 * for the one file an editor event names, through minimatch (npm's own matcher): `**` across folders, `*` and `?`
 * within a name, `{a,b}` alternatives, `[…]` classes; names starting with a dot match as VS Code's do.
 */
const minimatch_1 = require("minimatch");
/** Compiled once per glob: an editor asks again for every file event (an `npm install` is thousands). */
const compiled = new Map();
function globMatcher(glob) {
    let matcher = compiled.get(glob);
    if (!matcher) {
        const compiledGlob = new minimatch_1.Minimatch(glob.replace(/^\.\//, ''), { dot: true });
        matcher = (relPath) => compiledGlob.match(relPath);
        if (compiled.size > 200)
            compiled.clear();
        compiled.set(glob, matcher);
    }
    return matcher;
}
/** Any of several globs. */
function anyGlob(globs) {
    const matchers = globs.map(globMatcher);
    return (relPath) => matchers.some((m) => m(relPath));
}
//# sourceMappingURL=glob.js.map