/**
 * The Keap emulator's HTTP server: Keap's paths under `/crm/rest`, Keap's gateway behaviour (auth
 * before routing, quota headers, 429 faults), fault injection, and an admin surface under
 * `/__emulator/` that is clearly not Keap's.
 *
 * This module is the request pipeline, in the order Keap's gateway applies it (token, auth, admin,
 * quota, hang hooks, injected faults, the route); each step's details live in ./serving/: the
 * gateway's own answer bodies, the routes dispatch, the admin surface, the request log, hang hooks
 * and the HTTP plumbing.
 */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Gateway, type OAuthConfig } from './auth';
import { FaultInjector, type FaultConfig } from './faults';
import { KEAP_PAT_QUOTA, QuotaKeeper, type QuotaConfig } from './quota';
import { keapRoutes } from './routes';
import { answerAdmin } from './serving/admin';
import { API_PREFIX, dispatch } from './serving/dispatch';
import { injectedFailureBody, throttledBody } from './serving/gatewayAnswers';
import { HangTrap, type HangHook } from './serving/hangHook';
import { RequestLog, type RequestLogEntry } from './serving/requestLog';
import { readBody, safeJson, send } from './serving/wire';
import { EmulatorStore } from './store';

export type { HangHook } from './serving/hangHook';
export type { RequestLogEntry } from './serving/requestLog';

export const DEFAULT_EMULATOR_TOKEN = 'keap-vault-demo-token';

export interface EmulatorOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** When `port` is taken, listen on a free one instead of failing. */
  freePortIfTaken?: boolean;
  /** The personal access token / service account key the emulator accepts. */
  token?: string;
  /** The account's name in `x-keap-tenant-id` (default emulator.keap-vault.local): tests give each account its own. */
  tenantId?: string;
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
  const quota = new QuotaKeeper(options.quota ?? KEAP_PAT_QUOTA, options.tenantId);
  const faults = new FaultInjector(options.faults);
  const router = keapRoutes();
  const log = new RequestLog(options.requestLogSize ?? 10_000);
  const hangs = new HangTrap();
  let throttled = 0;
  const sockets = new Set<Socket>();

  const saveState = async (file = options.stateFile) => {
    if (!file) throw new Error('No state file configured');
    const tmp = `${file}.tmp-${process.pid}`;
    await fs.writeFile(tmp, JSON.stringify(store.toState()));
    await fs.rename(tmp, file);
  };

  const stats = (): EmulatorStats => ({
    hung: hangs.hung,
    accepted: quota.accepted,
    throttled,
    faultsInjected: faults.injected,
    maxPerSecond: quota.maxInWindow(1000),
    maxPerMinute: quota.maxInWindow(60_000),
    byRoute: log.byRoute(),
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
  const admin = { store, quota, faults, hangs, log, stats, saveState: () => saveState() };

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
      log.record({ at: new Date().toISOString(), method, path: url.pathname, status: 401 });
      return send(res, 401, auth.fault);
    }
    if (url.pathname.startsWith('/__emulator/')) return answerAdmin(admin, method, url, raw, res);

    const decision = quota.admit();
    if (!decision.allowed) {
      throttled++;
      log.record({ at: new Date().toISOString(), method, path: url.pathname, status: 429 });
      const headers = { ...decision.headers, ...(quota.settings.retryAfter ? { 'retry-after': String(decision.retryAfterSeconds) } : {}) };
      return send(res, 429, throttledBody(decision.violation, quota.settings.perSecond), headers);
    }

    const hang = hangs.spring(method, url.pathname.replace(/^\/crm\/rest/, ''));
    if (hang) {
      if (hang === 'after') dispatch(router, store, { method, url, raw }, {});
      return; // never answered: the connection stays open until the client goes away
    }

    const fault = faults.next();
    const entry: RequestLogEntry = { at: new Date().toISOString(), method, path: url.pathname + url.search, status: 0, fault };
    if (fault === '500' || fault === '502' || fault === '503') {
      entry.status = Number(fault);
      log.record(entry);
      return send(res, Number(fault), injectedFailureBody(fault), decision.headers);
    }

    const answer = dispatch(router, store, { method, url, raw }, entry);
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
    log.record(entry);
    if (entry.route) log.countRoute(entry.route);

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

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(options.port ?? 0);
  } catch (err) {
    // A default port another program (or another emulator) holds: any free one will do.
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !options.freePortIfTaken) throw err;
    await listen(0);
  }
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
    requests: () => log.list(),
    saveState,
    hangNext: (hook) => hangs.arm(hook),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
