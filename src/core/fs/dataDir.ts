/**
 * Where Keap Vault keeps a user's data when no folder is named: snapshots (customer data), restore
 * plans and ledgers, the emulator's saved account. A per-user folder outside any project, so nothing
 * lands in a working directory where it could be committed.
 *
 *   KEAP_VAULT_DATA_DIR, if set (a relative path is taken from the working directory)
 *   Linux and others: $XDG_DATA_HOME/keap-vault (an absolute XDG_DATA_HOME), else ~/.local/share/keap-vault
 *   macOS:            ~/Library/Application Support/keap-vault
 *   Windows:          %LOCALAPPDATA%\keap-vault, else ~\AppData\Local\keap-vault
 *
 * Machine state that is not data (the apply lock) has its own place: `stateDir.ts`.
 */
import os from 'node:os';
import path from 'node:path';

export const DATA_DIR_ENV = 'KEAP_VAULT_DATA_DIR';

export interface DataDirContext {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
  cwd?: string;
}

/** The data folder itself (not created here: the command that writes creates what it needs). */
export function dataDir({ env = process.env, platform = process.platform, home, cwd = process.cwd() }: DataDirContext = {}): string {
  const override = env[DATA_DIR_ENV];
  if (override) return path.resolve(cwd, override);
  const userHome = home ?? os.homedir();
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (platform === 'win32') return p.join(env.LOCALAPPDATA || p.join(userHome, 'AppData', 'Local'), 'keap-vault');
  if (platform === 'darwin') return p.join(userHome, 'Library', 'Application Support', 'keap-vault');
  // The XDG spec: a relative XDG_DATA_HOME is invalid and is ignored.
  const xdg = env.XDG_DATA_HOME && p.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : p.join(userHome, '.local', 'share');
  return p.join(xdg, 'keap-vault');
}

/** The folders inside it, one per kind of file. */
export function dataPaths(context: DataDirContext = {}): { root: string; snapshots: string; plans: string; emulator: string } {
  const root = dataDir(context);
  return {
    root,
    /** Snapshots and, beside them, each account's restore ledger. */
    snapshots: path.join(root, 'snapshots'),
    /** Restore plans made by `keap-vault plan`. */
    plans: path.join(root, 'plans'),
    /** The emulator's saved account (`keap-vault emulator --state`). */
    emulator: path.join(root, 'emulator'),
  };
}
