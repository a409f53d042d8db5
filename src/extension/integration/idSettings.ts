/**
 * The `keapVault.integrationIds.*` settings: whether Keap ids in the workspace are looked for, in which
 * files, and which connection's snapshots hovers read. Read when used, so a change holds at once.
 */
import * as vscode from 'vscode';

export const SETTINGS_SECTION = 'keapVault.integrationIds';

/** Never integration code of one's own, whatever the settings say. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

export interface IdScanSettings {
  enabled: boolean;
  include: string[];
  exclude: string[];
  maxFileBytes: number;
  respectGitignore: boolean;
  /** A connection's name or id; empty: the connection whose account has the newest snapshot. */
  connection: string;
}

export function idScanSettings(): IdScanSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    enabled: c.get<boolean>('enabled', true),
    include: c.get<string[]>('include', ['**/*']).filter(Boolean),
    exclude: c.get<string[]>('exclude', []).filter(Boolean),
    maxFileBytes: Math.max(1, c.get<number>('maxFileSizeKb', 1024)) * 1024,
    respectGitignore: c.get<boolean>('respectGitignore', true),
    connection: c.get<string>('connection', '').trim(),
  };
}

/** One glob from several (`{a,b}`), as findFiles takes it. */
function anyOf(globs: readonly string[]): string | undefined {
  if (!globs.length) return undefined;
  return globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}

/**
 * The include and exclude globs findFiles needs. An exclude given to findFiles replaces
 * `files.exclude`, so the folders and files it hides are added here (for the resource's folder).
 */
export function scanGlobs(settings: IdScanSettings, folder?: vscode.WorkspaceFolder): { include: string; exclude: string } {
  const filesExclude = vscode.workspace.getConfiguration('files', folder?.uri).get<Record<string, boolean>>('exclude', {});
  const hidden = Object.entries(filesExclude)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
  return {
    include: anyOf(settings.include) ?? '**/*',
    exclude: anyOf([...ALWAYS_EXCLUDED, ...hidden, ...settings.exclude])!,
  };
}

/** Whether a configuration change touches which files are scanned or how. */
export function affectsScan(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SETTINGS_SECTION) || e.affectsConfiguration('files.exclude');
}
