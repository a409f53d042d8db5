/**
 * The files a remap looks at: the paths given (files, or folders walked depth first with a stack, not
 * recursion), without `.git` and `node_modules`, without what `.gitignore` files ignore (those of the
 * folders walked, and those above a folder up to its repository's root), without files over a size.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GitIgnore } from './gitignore';

export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Never a place for integration code of one's own: git's database, installed packages. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

export interface WalkOptions {
  /** Skip files larger than this (default 1 MiB): logs and dumps, which a person does not edit. */
  maxBytes?: number;
  /** Read `.gitignore` files (default true). */
  gitignore?: boolean;
}

export type WalkItem = { file: string; bytes: number } | { file: string; skipped: string };

export async function* walkFiles(paths: readonly string[], options: WalkOptions = {}): AsyncGenerator<WalkItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const start of paths) {
    const root = path.resolve(start);
    const stat = await fs.stat(root);
    if (!stat.isDirectory()) {
      yield stat.size > maxBytes ? { file: root, skipped: `over ${sizeText(maxBytes)}` } : { file: root, bytes: stat.size };
      continue;
    }
    const ignore = new GitIgnore();
    if (options.gitignore !== false) await addAncestorIgnores(ignore, root);
    const stack: string[] = [''];
    while (stack.length) {
      const rel = stack.pop()!;
      const dir = path.join(root, rel);
      if (options.gitignore !== false) {
        const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
        if (text !== undefined) ignore.add(rel, text);
      }
      const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const folders: string[] = [];
      for (const entry of entries) {
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!ALWAYS_SKIPPED.has(entry.name) && !ignore.ignores(childRel, true)) folders.push(childRel);
        } else if (entry.isFile() && !ignore.ignores(childRel, false)) {
          const file = path.join(root, childRel);
          const { size } = await fs.stat(file);
          yield size > maxBytes ? { file, skipped: `over ${sizeText(maxBytes)}` } : { file, bytes: size };
        }
      }
      // A folder's files, then its folders in name order (pushed last to first, so popped first to last).
      stack.push(...folders.reverse());
    }
  }
}

/** The `.gitignore` files between a folder's repository root and the folder, as if the walk had started at the root. */
export async function addAncestorIgnores(ignore: GitIgnore, root: string): Promise<void> {
  const chain: string[] = [];
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (await exists(path.join(dir, '.git'))) break;
    if (path.dirname(dir) === dir) return; // not in a repository: only the walked folders' files count
  }
  const gitRoot = chain[0];
  const rootRel = path.relative(gitRoot, root).split(path.sep).join('/');
  const outer = new GitIgnore();
  for (const dir of chain) {
    const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
    if (text !== undefined) outer.add(path.relative(gitRoot, dir).split(path.sep).join('/'), text);
  }
  // Re-base: a path under the walk's root is tested as the repository sees it.
  ignore.addOuter((rel, isDir) => outer.ignores(rootRel ? `${rootRel}/${rel}` : rel, isDir));
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/**
 * Whether files under a folder are ignored, asked one file at a time (an editor's file list, not a
 * walk): the `.gitignore` files on the way to each file are read once and kept.
 */
export class IgnoreTree {
  private readonly ignore = new GitIgnore();
  private readonly read = new Map<string, Promise<void>>();
  private readonly ready: Promise<void>;

  constructor(private readonly root: string) {
    this.ready = addAncestorIgnores(this.ignore, root);
  }

  async ignores(file: string): Promise<boolean> {
    await this.ready;
    const rel = path.relative(this.root, file).split(path.sep).join('/');
    if (!rel || rel.startsWith('../')) return false;
    const parts = rel.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dirRel = parts.slice(0, i).join('/');
      if (i > 0 && (ALWAYS_SKIPPED.has(parts[i - 1]) || this.ignore.ignores(dirRel, true))) return true;
      await this.load(dirRel);
    }
    return this.ignore.ignores(rel, false);
  }

  /** Forgets what was read (a .gitignore changed). */
  reset(): IgnoreTree {
    return new IgnoreTree(this.root);
  }

  private load(dirRel: string): Promise<void> {
    let loading = this.read.get(dirRel);
    if (!loading) {
      loading = fs
        .readFile(path.join(this.root, dirRel, '.gitignore'), 'utf8')
        .then((text) => this.ignore.add(dirRel, text))
        .catch(() => undefined);
      this.read.set(dirRel, loading);
    }
    return loading;
  }
}
