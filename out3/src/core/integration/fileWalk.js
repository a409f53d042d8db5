"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.IgnoreTree = exports.DEFAULT_MAX_BYTES = void 0;
exports.walkFiles = walkFiles;
exports.addAncestorIgnores = addAncestorIgnores;
/**
 * The files a remap looks at: the paths given (files, or folders walked depth first with a stack, not
 * recursion), without `.git` and `node_modules`, without what `.gitignore` files ignore (those of the
 * folders walked, and those above a folder up to its repository's root), without files over a size.
 */
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const gitignore_1 = require("./gitignore");
exports.DEFAULT_MAX_BYTES = 1024 * 1024;
/** Never a place for integration code of one's own: git's database, installed packages. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
async function* walkFiles(paths, options = {}) {
    const maxBytes = options.maxBytes ?? exports.DEFAULT_MAX_BYTES;
    for (const start of paths) {
        const root = node_path_1.default.resolve(start);
        const stat = await node_fs_1.promises.stat(root);
        if (!stat.isDirectory()) {
            yield stat.size > maxBytes ? { file: root, skipped: `over ${sizeText(maxBytes)}` } : { file: root, bytes: stat.size };
            continue;
        }
        const ignore = new gitignore_1.GitIgnore();
        if (options.gitignore !== false)
            await addAncestorIgnores(ignore, root);
        const stack = [''];
        while (stack.length) {
            const rel = stack.pop();
            const dir = node_path_1.default.join(root, rel);
            if (options.gitignore !== false) {
                const text = await node_fs_1.promises.readFile(node_path_1.default.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
                if (text !== undefined)
                    ignore.add(rel, text);
            }
            const entries = (await node_fs_1.promises.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
            const folders = [];
            for (const entry of entries) {
                const childRel = rel ? `${rel}/${entry.name}` : entry.name;
                if (entry.isDirectory()) {
                    if (!ALWAYS_SKIPPED.has(entry.name) && !ignore.ignores(childRel, true))
                        folders.push(childRel);
                }
                else if (entry.isFile() && !ignore.ignores(childRel, false)) {
                    const file = node_path_1.default.join(root, childRel);
                    const { size } = await node_fs_1.promises.stat(file);
                    yield size > maxBytes ? { file, skipped: `over ${sizeText(maxBytes)}` } : { file, bytes: size };
                }
            }
            // A folder's files, then its folders in name order (pushed last to first, so popped first to last).
            stack.push(...folders.reverse());
        }
    }
}
/** The `.gitignore` files between a folder's repository root and the folder, as if the walk had started at the root. */
async function addAncestorIgnores(ignore, root) {
    const chain = [];
    for (let dir = node_path_1.default.dirname(root);; dir = node_path_1.default.dirname(dir)) {
        chain.unshift(dir);
        if (await exists(node_path_1.default.join(dir, '.git')))
            break;
        if (node_path_1.default.dirname(dir) === dir)
            return; // not in a repository: only the walked folders' files count
    }
    const gitRoot = chain[0];
    const rootRel = node_path_1.default.relative(gitRoot, root).split(node_path_1.default.sep).join('/');
    const outer = new gitignore_1.GitIgnore();
    for (const dir of chain) {
        const text = await node_fs_1.promises.readFile(node_path_1.default.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
        if (text !== undefined)
            outer.add(node_path_1.default.relative(gitRoot, dir).split(node_path_1.default.sep).join('/'), text);
    }
    // Re-base: a path under the walk's root is tested as the repository sees it.
    ignore.addOuter((rel, isDir) => outer.ignores(rootRel ? `${rootRel}/${rel}` : rel, isDir));
}
async function exists(p) {
    return node_fs_1.promises.stat(p).then(() => true, () => false);
}
function sizeText(bytes) {
    return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
/**
 * Whether files under a folder are ignored, asked one file at a time (an editor's file list, not a
 * walk): the `.gitignore` files on the way to each file are read once and kept.
 */
class IgnoreTree {
    root;
    ignore = new gitignore_1.GitIgnore();
    read = new Map();
    ready;
    constructor(root) {
        this.root = root;
        this.ready = addAncestorIgnores(this.ignore, root);
    }
    async ignores(file) {
        await this.ready;
        const rel = node_path_1.default.relative(this.root, file).split(node_path_1.default.sep).join('/');
        if (!rel || rel.startsWith('../'))
            return false;
        const parts = rel.split('/');
        for (let i = 0; i < parts.length; i++) {
            const dirRel = parts.slice(0, i).join('/');
            if (i > 0 && (ALWAYS_SKIPPED.has(parts[i - 1]) || this.ignore.ignores(dirRel, true)))
                return true;
            await this.load(dirRel);
        }
        return this.ignore.ignores(rel, false);
    }
    /** Forgets what was read (a .gitignore changed). */
    reset() {
        return new IgnoreTree(this.root);
    }
    load(dirRel) {
        let loading = this.read.get(dirRel);
        if (!loading) {
            loading = node_fs_1.promises
                .readFile(node_path_1.default.join(this.root, dirRel, '.gitignore'), 'utf8')
                .then((text) => this.ignore.add(dirRel, text))
                .catch(() => undefined);
            this.read.set(dirRel, loading);
        }
        return loading;
    }
}
exports.IgnoreTree = IgnoreTree;
//# sourceMappingURL=fileWalk.js.map