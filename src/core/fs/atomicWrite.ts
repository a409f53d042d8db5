/**
 * Writes a file so that readers see either the old content or the complete new one, never half:
 * write a temporary file beside it, fsync it, rename it over the target, fsync the folder.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * `data` may be a writer: large files (a snapshot's image) are then written piece by piece, never
 * held a second time in memory. New files are private (0600: snapshots, ledgers and plans hold
 * customer data); `mode` gives a file being replaced its own permissions back (a user's source file).
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string | ((handle: fs.FileHandle) => Promise<void>),
  options: { mode?: number } = {},
): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    // Set outright: the mode open() takes is narrowed by the umask.
    if (options.mode !== undefined) await handle.chmod(options.mode & 0o7777);
    if (typeof data === 'function') await data(handle);
    else await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(dir);
}

/** Makes a rename durable; some platforms cannot open a folder, which is then fine to skip. */
export async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some file systems refuse to fsync a directory.
  } finally {
    await handle?.close();
  }
}
