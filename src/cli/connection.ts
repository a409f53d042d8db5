/**
 * Where the CLI finds Keap and its credential: `--url` or KEAP_API_URL (Keap's own API by default),
 * and the key from the environment only (KEAP_API_KEY, or the variable `--token-env` names), so it
 * never appears in shell history or process listings.
 */
import { checkedBaseUrl } from '../core/keap/baseUrl';
import { KeapClient } from '../core/keap/client';
import { KEAP_API_BASE_URL } from '../core/keap/transport';
import { describeTransportEvent } from '../core/keap/transportLog';
import { UsageError } from './output';

export interface ConnectionFlags {
  url?: string;
  tokenEnv?: string;
  bearer?: boolean;
  unlimited?: boolean;
  /** Every request attempt on stderr (waits, retries and 429s are always worth seeing in a long run). */
  verbose?: boolean;
}

export function clientFromFlags(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): KeapClient {
  const baseUrl = flags.url ?? env.KEAP_API_URL ?? KEAP_API_BASE_URL;
  const tokenEnv = flags.tokenEnv ?? 'KEAP_API_KEY';
  const key = env[tokenEnv];
  if (!key) {
    throw new UsageError(
      `No Keap credential: set ${tokenEnv} to a personal access token or service account key (for the emulator, the token it printed at start).`,
    );
  }
  let checked: string;
  try {
    checked = checkedBaseUrl(baseUrl);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return new KeapClient({
    baseUrl: checked,
    credential: { kind: 'api-key', key, asBearer: flags.bearer },
    throttle: flags.unlimited ? 'unlimited' : undefined,
    onEvent: flags.verbose ? (event) => log(`keap-vault: ${describeTransportEvent(event).text}`) : undefined,
  });
}
