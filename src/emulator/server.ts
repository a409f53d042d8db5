/**
 * The Keap emulator's HTTP server: Keap's paths under `/crm/rest`, Keap's gateway behaviour (auth
 * before routing, quota headers, 429 faults), fault injection, and an admin surface under
 * `/__emulator/` that is clearly not Keap's.
 */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatorApiError } from './apiError';
import { Gateway, type OAuthConfig } from './auth';
import { applyDisaster, type DisasterRequest } from './disasters';
import { FaultInjector, type FaultConfig, type FaultKind } from './faults';
import type { Router, RouteResponse } from './http/router';
import { KEAP_PAT_QUOTA, QuotaKeeper, UNLIMITED_QUOTA, type QuotaConfig } from './quota';
import { keapRoutes } from './routes';
import { EmulatorStore } from './store';

export const DEFAULT_EMULATOR_TOKEN = 'keap-vault-demo-token';
const API_PREFIX = '/crm/rest';
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface EmulatorOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The personal access token / service account key the emulator accepts. */
  token?: string;
  store?: EmulatorStore;
  /** Keap's limits for a personal access token by default. */
  quota?: QuotaConfig;
  faults?: FaultConfig;
  oauth?: OAuthConfig;
  /** Where `POST /__emulator/state:save` and `saveState()` write the account. */
  stateFile?: string;
  /** Keep the last N requests for `GET /__emulator/requests`. */
  requestLogSize?: number;
  /** Sees every Keap API exchange the emulator answers (for contract tests). */
  onExchange?: (exchange: Exchange) => void;
}

export interface Exchange {
  method: string;
  path: string;
  query: Record<string, string[]>;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  route?: string;
  status: number;
  fault?: FaultKind;
}

/**
 * Holds one future request without answering, to stand for a client that dies at that moment:
 * `before` it is handled (the write never happens) or `after` (it happened; the answer is lost).
 */
export interface HangHook {
  when: 'before' | 'after';
  /** Which methods count (default: the writes POST, PATCH, PUT, DELETE). */
  methods?: string[];
  /** Hang the nth matching request from now (1 = the next one). */
  nth?: number;
  /** Requests whose `METHOD /path` (under /crm/rest) matches this pattern do not count. */
  except?: string;
}

export interface EmulatorStats {
  /** Requests held by a hang hook so far. */
  hung: number;
  accepted: number;
  throttled: number;
  faultsInjected: number;
  maxPerSecond: number;
  maxPerMinute: number;
  byRoute: Record<string, number>;
  counts: Record<string, number>;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** What a Keap client uses as its base URL: `http://127.0.0.1:PORT/crm/rest`. */
  apiBaseUrl: string;
  token: string;
  store: EmulatorStore;
  quota: QuotaKeeper;
  faults: FaultInjector;
  stats(): EmulatorStats;
  requests(): RequestLogEntry[];
  saveState(file?: string): Promise<void>;
  /** Arms a one-shot hang hook (see HangHook). */
  hangNext(hook: HangHook): void;
  close(): Promise<void>;
}

export async function loadEmulatorState(file: string): Promise<EmulatorStore> {
  return EmulatorStore.fromState(JSON.parse(await fs.readFile(file, 'utf8')));
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = options.store ?? new EmulatorStore();
  const token = options.token ?? DEFAULT_EMULATOR_TOKEN;
  const gateway = new Gateway(token, options.oauth);
  const quota = new QuotaKeeper(options.quota ?? KEAP_PAT_QUOTA);
  const faults = new FaultInjector(options.faults);
  const router = keapRoutes();
  const log: RequestLogEntry[] = [];
  const logSize = options.requestLogSize ?? 10_000;
  const byRoute: Record<string, number> = {};
  let throttled = 0;
  let hung = 0;
  let hangHook: (HangHook & { seen: number }) | undefined;
  const hangs = (method: string, path: string): boolean => {
    if (!hangHook || !(hangHook.methods ?? ['POST', 'PATCH', 'PUT', 'DELETE']).includes(method)) return false;
    if (hangHook.except && new RegExp(hangHook.except).test(`${method} ${path}`)) return false;
    if (++hangHook.seen < (hangHook.nth ?? 1)) return false;
    return true;
  };
  const sockets = new Set<import('node:net').Socket>();

  const record = (entry: RequestLogEntry) => {
    log.push(entry);
    if (log.length > logSize) log.splice(0, log.length - logSize);
  };

  const saveState = async (file = options.stateFile) => {
    if (!file) throw new Error('No state file configured');
    const tmp = `${file}.tmp-${process.pid}`;
    await fs.writeFile(tmp, JSON.stringify(store.toState()));
    await fs.rename(tmp, file);
  };

  const stats = (): EmulatorStats => ({
    hung,
    accepted: quota.accepted,
    throttled,
    faultsInjected: faults.injected,
    maxPerSecond: quota.maxInWindow(1000),
    maxPerMinute: quota.maxInWindow(60_000),
    byRoute: { ...byRoute },
    counts: {
      contacts: store.contacts.size,
      companies: store.companies.size,
      products: store.products.size,
      orders: store.orders.size,
      payments: store.payments.size,
      subscriptions: store.subscriptions.size,
      tags: store.tags.size,
      campaigns: store.campaigns.size,
    },
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        send(res, 500, { code: 500, message: `Emulator error: ${(err as Error).message}`, status: 'INTERNAL', details: [] });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);

    if (url.pathname === '/token' && method === 'POST') {
      const answer = gateway.token(req.headers, new URLSearchParams(raw));
      return send(res, answer.status, answer.body);
    }
    const auth = gateway.authenticate(req.headers);
    if (!auth.ok) {
      record({ at: new Date().toISOString(), method, path: url.pathname, status: 401 });
      return send(res, 401, auth.fault);
    }
    if (url.pathname.startsWith('/__emulator/')) return admin(method, url, raw, res);

    const decision = quota.admit();
    if (!decision.allowed) {
      throttled++;
      record({ at: new Date().toISOString(), method, path: url.pathname, status: 429 });
      const headers = { ...decision.headers, ...(quota.settings.retryAfter ? { 'retry-after': String(decision.retryAfterSeconds) } : {}) };
      const body =
        decision.violation === 'spike'
          ? {
              fault: {
                faultstring: `Spike arrest violation. Allowed rate : MessageRate{messagesPerPeriod=${quota.settings.perSecond}, periodInMicroseconds=1000000, maxBurstMessageCount=${quota.settings.perSecond}.0}`,
                detail: { errorcode: 'policies.ratelimit.SpikeArrestViolation' },
              },
            }
          : {
              fault: {
                faultstring: 'Rate limit quota violation. Quota limit exceeded. Identifier : keap-vault-emulator',
                detail: { errorcode: 'policies.ratelimit.QuotaViolation' },
              },
            };
      return send(res, 429, body, headers);
    }

    if (hangs(method, url.pathname.replace(/^\/crm\/rest/, ''))) {
      const when = hangHook!.when;
      hangHook = undefined;
      if (when === 'after') route(router, method, url, raw, { at: new Date().toISOString(), method, path: url.pathname, status: 0 });
      hung++;
      return; // never answered: the connection stays open until the client goes away
    }

    const fault = faults.next();
    const entry: RequestLogEntry = { at: new Date().toISOString(), method, path: url.pathname + url.search, status: 0, fault };
    if (fault === '500' || fault === '502' || fault === '503') {
      entry.status = Number(fault);
      record(entry);
      const body =
        fault === '500'
          ? { code: 500, message: 'Internal Server Error', status: 'INTERNAL', details: [] }
          : {
              fault: {
                faultstring: fault === '502' ? 'Bad Gateway' : 'The Service is temporarily unavailable',
                detail: {
                  errorcode:
                    fault === '502' ? 'messaging.adaptors.http.flow.BadGateway' : 'messaging.adaptors.http.flow.ServiceUnavailable',
                },
              },
            };
      return send(res, Number(fault), body, decision.headers);
    }

    const answer = route(router, method, url, raw, entry);
    entry.status = answer.status;
    if (options.onExchange) {
      const query: Record<string, string[]> = {};
      for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key);
      options.onExchange({
        method,
        path: url.pathname,
        query,
        requestBody: safeJson(raw),
        status: answer.status,
        responseBody: answer.body,
      });
    }
    record(entry);
    if (entry.route) byRoute[entry.route] = (byRoute[entry.route] ?? 0) + 1;

    if (fault === 'reset') {
      // Handled, then cut off mid-response: headers and half a body, then the connection drops.
      const payload = JSON.stringify(answer.body ?? {});
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(payload)),
        ...decision.headers,
      });
      res.write(payload.slice(0, Math.floor(payload.length / 2)));
      setTimeout(() => res.destroy(), 5);
      return;
    }
    if (fault === 'timeout') await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    return send(res, answer.status, answer.body, decision.headers);
  }

  function route(router: Router, method: string, url: URL, raw: string, entry: RequestLogEntry): RouteResponse {
    try {
      if (!url.pathname.startsWith(API_PREFIX + '/')) throw new EmulatorApiError(404, `No such path ${url.pathname}`);
      const match = router.match(method, url.pathname.slice(API_PREFIX.length));
      if (!match) throw new EmulatorApiError(404, `No such path ${url.pathname}`);
      if ('allowed' in match)
        throw new EmulatorApiError(405, `${method} is not allowed on ${url.pathname}; allowed: ${match.allowed.join(', ')}`);
      entry.route = `${method} ${match.route.template}`;
      let body: unknown;
      if (raw.trim()) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new EmulatorApiError(400, 'Request body is not valid JSON');
        }
      }
      return match.route.handler({ method, params: match.params, query: url.searchParams, body, store });
    } catch (err) {
      if (err instanceof EmulatorApiError) return { status: err.httpStatus, body: err.toBody() };
      return { status: 500, body: { code: 500, message: (err as Error).message, status: 'INTERNAL', details: [] } };
    }
  }

  async function admin(method: string, url: URL, raw: string, res: http.ServerResponse): Promise<void> {
    const body = raw.trim() ? JSON.parse(raw) : {};
    const path = url.pathname.slice('/__emulator'.length);
    try {
      if (method === 'GET' && path === '/stats') return send(res, 200, stats());
      if (method === 'GET' && path === '/requests') return send(res, 200, { requests: log });
      if (method === 'POST' && path === '/hooks') {
        hangHook = { ...(body as HangHook), seen: 0 };
        return send(res, 200, { armed: true });
      }
      if (method === 'POST' && path === '/faults') {
        faults.configure(body as FaultConfig);
        return send(res, 200, faults.settings);
      }
      if (method === 'POST' && path === '/quota') {
        const preset = (body as { preset?: string }).preset;
        quota.configure(preset === 'keap' ? KEAP_PAT_QUOTA : preset === 'unlimited' ? UNLIMITED_QUOTA : (body as QuotaConfig));
        return send(res, 200, quota.settings);
      }
      const disaster = /^\/disasters\/([a-z-]+)$/.exec(path);
      if (method === 'POST' && disaster) {
        return send(res, 200, applyDisaster(store, { ...(body as object), kind: disaster[1] } as DisasterRequest));
      }
      if (method === 'POST' && path === '/state:save') {
        await saveState();
        return send(res, 200, { saved: true });
      }
      return send(res, 404, { code: 404, message: `No emulator admin path ${method} ${url.pathname}`, status: 'NOT_FOUND', details: [] });
    } catch (err) {
      return send(res, 400, { code: 400, message: (err as Error).message, status: 'INVALID_ARGUMENT', details: [] });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}`;

  return {
    url,
    apiBaseUrl: url + API_PREFIX,
    token,
    store,
    quota,
    faults,
    stats,
    requests: () => [...log],
    saveState,
    hangNext: (hook) => {
      hangHook = { ...hook, seen: 0 };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, { ...headers, 'content-length': '0' });
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...headers });
  res.end(payload);
}

function safeJson(raw: string): unknown {
  try {
    return raw.trim() ? JSON.parse(raw) : undefined;
  } catch {
    return raw;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
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
