/** Snapshot keys come from the environment only, like Keap credentials. */
import { UsageError } from './output';

export const SNAPSHOT_KEY_ENV = 'KEAP_VAULT_SNAPSHOT_KEY';

export function snapshotKey(required = false, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const key = env[SNAPSHOT_KEY_ENV] || undefined;
  if (required && !key) throw new UsageError(`--encrypt needs the key in ${SNAPSHOT_KEY_ENV}`);
  return key;
}
