/**
 * Where Keap Vault keeps per-user machine state that is not data: the apply lock, and the working
 * files a live read builds its database in and a plan's steps wait in while it is made
 * (workingFile.ts, restore/planSteps.ts). `KEAP_VAULT_STATE_DIR`, else the
 * platform's place for it (XDG state on Linux, Application Support on macOS, LocalAppData on Windows).
 * A disk, where the system's temporary folder may be memory (tmpfs).
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KEAP_VAULT_STATE_DIR) return env.KEAP_VAULT_STATE_DIR;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'Keap Vault');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Keap Vault');
  return path.join(env.XDG_STATE_HOME || path.join(home, '.local', 'state'), 'keap-vault');
}

/** Where working files that are no snapshot's own go (a live read's, a plan's steps), made if missing: only the user may enter it. */
export function workingFolder(): string {
  const dir = path.join(stateDir(), 'working');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
