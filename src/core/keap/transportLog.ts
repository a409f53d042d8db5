/**
 * Request attempts as lines for a log (VS Code's Output channel, the CLI's --verbose): what a
 * person watching a long capture or restore wants to know is when Keap made it wait or retry, so
 * 429s, retries and failures are warnings and ordinary answers are debug lines. Paths only: no
 * query, so no filter values, and never a credential.
 */
import type { TransportEvent } from './transport';

export interface LogLine {
  level: 'debug' | 'warn';
  text: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function describeTransportEvent(e: TransportEvent): LogLine {
  const request = `${e.method} ${e.path}`;
  const answer = e.status !== undefined ? `${e.status}` : `no answer (${e.error ?? 'network error'})`;
  const attempt = e.attempt > 1 ? `, attempt ${e.attempt}` : '';
  if (e.status === 429) {
    return {
      level: 'warn',
      text: `${request}: Keap's quota says wait (429)${e.retryInMs !== undefined ? `: waiting ${seconds(e.retryInMs)}, then retrying` : ''}${attempt}`,
    };
  }
  if (e.retryInMs !== undefined)
    return { level: 'warn', text: `${request}: ${answer} after ${e.ms} ms; retrying in ${seconds(e.retryInMs)}${attempt}` };
  if (e.status === undefined || e.status >= 500) return { level: 'warn', text: `${request}: ${answer} after ${e.ms} ms${attempt}` };
  return { level: 'debug', text: `${request}: ${answer} in ${e.ms} ms${attempt}` };
}
