/**
 * A connection in words, as the tree and the status bar say it: where it reaches, and what stops it
 * from reaching its account (a missing credential, or one Keap refused with HTTP 401; both are fixed
 * the same way, with Set Credential…). No vscode import, so unit tests check the words.
 */
export type ConnectionProblem = 'no-credential' | 'refused';

export interface ProblemText {
  /** Fits beside the connection's name in a sidebar. */
  short: string;
  /** The whole sentence, with what to do. */
  sentence: string;
}

export function problemText(problem: ConnectionProblem, connectionName: string): ProblemText {
  return problem === 'refused'
    ? {
        short: 'credential refused',
        sentence: `Keap refused the credential of ${connectionName}: the personal access token or service account key is wrong, expired or revoked. Set it again with Set Credential….`,
      }
    : {
        short: 'no credential',
        sentence: `${connectionName} has no credential yet. Set its personal access token or service account key with Set Credential….`,
      };
}

/** Where a connection reaches: "built-in emulator", or its API's host ("api.infusionsoft.com"). */
export function placeOf(connection: { baseUrl: string; demo?: boolean }): string {
  if (connection.demo) return 'built-in emulator';
  try {
    return new URL(connection.baseUrl).host;
  } catch {
    return connection.baseUrl;
  }
}
