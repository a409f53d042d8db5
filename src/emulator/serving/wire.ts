/** Plain HTTP plumbing for the emulator's server: reading a request body, writing a JSON answer. */
import type http from 'node:http';

/** Far above anything Keap accepts; only there so a runaway client cannot exhaust memory. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, { ...headers, 'content-length': '0' });
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...headers });
  res.end(payload);
}

/** A request body as JSON for the exchange log, or as the raw text when it is not JSON. */
export function safeJson(raw: string): unknown {
  try {
    return raw.trim() ? JSON.parse(raw) : undefined;
  } catch {
    return raw;
  }
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
