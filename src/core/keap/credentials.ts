/**
 * How Keap Vault proves who it is to Keap. Personal access tokens and service account keys go in
 * `X-Keap-API-Key` (Keap's documented header; Keap also accepts them as a bearer token); OAuth
 * access tokens go as a bearer token and are refreshed with the rotating refresh token.
 */
export interface ApiKeyCredential {
  kind: 'api-key';
  key: string;
  /** Send the key as `Authorization: Bearer` instead of `X-Keap-API-Key`. */
  asBearer?: boolean;
}

export interface OAuthTokens {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms; refreshed shortly before when known. */
  expiresAt?: number;
}

export interface OAuthCredential {
  kind: 'oauth';
  tokens: OAuthTokens;
  clientId?: string;
  clientSecret?: string;
  /** Keap's token endpoint by default: https://api.infusionsoft.com/token */
  tokenUrl?: string;
  /** Keap rotates refresh tokens: the caller must store every new pair it is given here. */
  onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
}

export type KeapCredential = ApiKeyCredential | OAuthCredential;

export const KEAP_TOKEN_URL = 'https://api.infusionsoft.com/token';

export function authHeaders(credential: KeapCredential): Record<string, string> {
  if (credential.kind === 'api-key') {
    return credential.asBearer ? { Authorization: `Bearer ${credential.key}` } : { 'X-Keap-API-Key': credential.key };
  }
  return { Authorization: `Bearer ${credential.tokens.accessToken}` };
}

/** Every secret a credential holds, for redaction. */
export function secretsOf(credential: KeapCredential): string[] {
  if (credential.kind === 'api-key') return [credential.key];
  return [credential.tokens.accessToken, credential.tokens.refreshToken, credential.clientSecret].filter((s): s is string => !!s);
}
