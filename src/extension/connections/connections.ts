/**
 * Connections: a name and an API base URL kept in the extension's global state; the credential
 * only ever in SecretStorage. The built-in demo connection runs the Keap emulator in-process.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { describeTransportEvent } from '../../core/keap/transportLog';
import { KeapClient } from '../../core/keap/client';
import type { RateWindow } from '../../core/keap/throttle';
import { checkedBaseUrl } from '../../core/keap/baseUrl';
import { KEAP_API_BASE_URL } from '../../core/keap/transport';
import type { RunningEmulator } from '../../emulator';
import { DEMO_ACCOUNT } from '../demoAccount';
import { UserError } from '../userError';
import type { ConnectionProblem } from './connectionWords';

export interface Connection {
  id: string;
  name: string;
  baseUrl: string;
  demo?: boolean;
  /** Keap's tenant id, learnt from the first answer; snapshots of this account are listed under it. */
  account?: string;
}

export const DEMO_CONNECTION_ID = 'demo';
const STATE_KEY = 'keapVault.connections';
const secretKey = (id: string) => `keapVault.credential.${id}`;

/** Keap's quota as the settings give it (defaults: a personal access token's); Keap's headers refine it. */
function quotaWindows(): RateWindow[] {
  const config = vscode.workspace.getConfiguration('keapVault.quota');
  const windows: RateWindow[] = [
    { limit: config.get<number>('requestsPerSecond', 10), windowMs: 1000 },
    { limit: config.get<number>('requestsPerMinute', 240), windowMs: 60_000 },
    { limit: config.get<number>('requestsPerDay', 30_000), windowMs: 86_400_000 },
  ];
  return windows.filter((w) => Number.isFinite(w.limit) && w.limit > 0);
}

export class ConnectionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private demo?: Promise<RunningEmulator>;
  private readonly clients = new Map<string, { fingerprint: string; client: KeapClient }>();
  /** What Keap or the secret store last said about a connection's credential (nothing: it works, as far as we know). */
  private readonly problems = new Map<string, ConnectionProblem>();
  private readonly healthChanged = new vscode.EventEmitter<void>();
  /** A connection's credential was refused, found missing, or works again: the tree and the status bar say so. */
  readonly onDidChangeHealth = this.healthChanged.event;
  private lastUsed?: string;
  private readonly used = new vscode.EventEmitter<string>();
  /** Another connection than the last one was asked for a client: the one the user now works with. */
  readonly onDidUse = this.used.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  list(): Connection[] {
    return this.state.get<Connection[]>(STATE_KEY, []);
  }

  get(id: string): Connection | undefined {
    return this.list().find((c) => c.id === id);
  }

  async add(name: string, baseUrl = KEAP_API_BASE_URL): Promise<Connection> {
    const url = checkedBaseUrl(baseUrl);
    const connection: Connection = { id: `c${Date.now().toString(36)}`, name: name.trim() || new URL(url).host, baseUrl: url };
    await this.state.update(STATE_KEY, [...this.list(), connection]);
    this.changed.fire();
    return connection;
  }

  /**
   * Renames a connection or points it at another URL. Another host means another account and maybe
   * another party: its account is learnt again and the stored credential is cleared, never sent there.
   */
  async edit(id: string, changes: { name?: string; baseUrl?: string }): Promise<{ connection: Connection; credentialCleared: boolean }> {
    const known = this.get(id);
    if (!known) throw new UserError('gone', `No connection ${id}`);
    if (known.demo) throw new UserError('not-possible', 'The demo connection cannot be edited.');
    const baseUrl = changes.baseUrl !== undefined ? checkedBaseUrl(changes.baseUrl) : known.baseUrl;
    const otherHost = new URL(baseUrl).host !== new URL(known.baseUrl).host;
    const edited: Connection = {
      ...known,
      name: changes.name?.trim() || known.name,
      baseUrl,
      account: baseUrl === known.baseUrl ? known.account : undefined,
    };
    await this.state.update(
      STATE_KEY,
      this.list().map((c) => (c.id === id ? edited : c)),
    );
    if (otherHost) await this.secrets.delete(secretKey(id));
    this.clients.delete(id);
    this.noteProblem(id, undefined); // another URL: what the old one refused says nothing about it
    this.changed.fire();
    return { connection: edited, credentialCleared: otherHost };
  }

  async remove(id: string): Promise<void> {
    await this.state.update(
      STATE_KEY,
      this.list().filter((c) => c.id !== id),
    );
    await this.secrets.delete(secretKey(id));
    this.clients.delete(id);
    this.problems.delete(id);
    if (id === DEMO_CONNECTION_ID) await this.stopDemo();
    this.changed.fire();
  }

  async noteAccount(id: string, account: string): Promise<void> {
    const list = this.list();
    if (!list.some((c) => c.id === id && c.account !== account)) return;
    await this.state.update(
      STATE_KEY,
      list.map((c) => (c.id === id ? { ...c, account } : c)),
    );
    this.changed.fire();
  }

  async setCredential(id: string, credential: string): Promise<void> {
    this.clients.delete(id);
    await this.secrets.store(secretKey(id), credential.trim());
    this.noteProblem(id, undefined); // a new credential: not refused until Keap says so
    this.changed.fire();
  }

  async clearCredential(id: string): Promise<void> {
    this.clients.delete(id);
    await this.secrets.delete(secretKey(id));
    this.noteProblem(id, 'no-credential');
    this.changed.fire();
  }

  async hasCredential(id: string): Promise<boolean> {
    return !!(await this.secrets.get(secretKey(id)));
  }

  /**
   * Why a connection cannot reach its account, if we know: Keap refused its credential (until a request
   * succeeds or a new one is set), or it has none. The demo's credential is the emulator's, set when it starts.
   */
  async problem(id: string): Promise<ConnectionProblem | undefined> {
    const known = this.problems.get(id);
    if (known || id === DEMO_CONNECTION_ID) return known;
    return (await this.hasCredential(id)) ? undefined : 'no-credential';
  }

  /** The connections Keap refused or that have no credential, as known without asking Keap. */
  async withProblems(): Promise<Connection[]> {
    const problems = await Promise.all(this.list().map(async (c) => ((await this.problem(c.id)) ? c : undefined)));
    return problems.filter((c): c is Connection => !!c);
  }

  private noteProblem(id: string, problem: ConnectionProblem | undefined): void {
    if (this.problems.get(id) === problem) return;
    if (problem) this.problems.set(id, problem);
    else this.problems.delete(id);
    this.healthChanged.fire();
  }

  /**
   * Starts (once) the emulator behind the demo connection and records the connection. Global state,
   * the secret and the change event are written only when the emulator has just started: listeners
   * refresh the tree, which asks for clients again.
   */
  async ensureDemo(): Promise<Connection> {
    if (!this.demo) {
      const starting = loadEmulator().then(({ startSeededEmulator }) =>
        startSeededEmulator({ seed: DEMO_ACCOUNT.seed, size: DEMO_ACCOUNT.size, port: 0, plant: DEMO_ACCOUNT.plant }),
      );
      this.demo = starting;
      starting.catch(() => {
        if (this.demo === starting) this.demo = undefined; // a failed start may be tried again
      });
    }
    const emulator = await this.demo;
    const known = this.get(DEMO_CONNECTION_ID);
    if (known?.baseUrl === emulator.apiBaseUrl) return known;
    this.log.info(`Keap emulator (demo) listening on ${emulator.apiBaseUrl}`);
    const connection: Connection = {
      ...known,
      id: DEMO_CONNECTION_ID,
      name: 'Keap emulator (demo)',
      baseUrl: emulator.apiBaseUrl,
      demo: true,
    };
    const others = this.list().filter((c) => c.id !== DEMO_CONNECTION_ID);
    await this.state.update(STATE_KEY, [connection, ...others]);
    await this.secrets.store(secretKey(DEMO_CONNECTION_ID), emulator.token);
    this.changed.fire();
    return connection;
  }

  demoEmulator(): Promise<RunningEmulator> | undefined {
    return this.demo;
  }

  /**
   * The client of a connection. One per connection and credential, so that everything this window
   * does with an account (tree paging, a snapshot, an apply) shares one throttle and stays inside
   * Keap's quota together. The demo's emulator is started when needed (its port changes per session).
   */
  async client(id: string): Promise<KeapClient> {
    if (this.lastUsed !== id) {
      this.lastUsed = id;
      this.used.fire(id);
    }
    let connection = this.get(id);
    if (id === DEMO_CONNECTION_ID) connection = await this.ensureDemo();
    if (!connection) throw new UserError('gone', `No connection ${id}`);
    const key = await this.secrets.get(secretKey(id));
    if (!key) {
      this.noteProblem(id, 'no-credential');
      throw new UserError(
        'not-configured',
        `No credential for ${connection.name}: set one with "Keap Vault: Set Credential…".`,
        'set-credential',
      );
    }
    const windows = quotaWindows();
    // The cache key holds a hash of the credential, never the credential itself.
    const fingerprint = createHash('sha256')
      .update(`${connection.baseUrl}\n${key}\n${JSON.stringify(windows)}`)
      .digest('hex');
    const cached = this.clients.get(id);
    if (cached?.fingerprint === fingerprint) return cached.client;
    const client = new KeapClient({
      baseUrl: connection.baseUrl,
      credential: { kind: 'api-key', key },
      throttle: { windows },
      // Waits, retries and 429s show in the Output channel; ordinary answers at debug level.
      onEvent: (event) => {
        const line = describeTransportEvent(event);
        this.log[line.level](`${connection.name}: ${line.text}`);
        // A 401 that is not retried (an OAuth refresh is) is Keap refusing the credential; any answer in 2xx, accepting it.
        if (event.status === 401 && event.retryInMs === undefined) this.noteProblem(id, 'refused');
        else if (event.status !== undefined && event.status < 300) this.noteProblem(id, undefined);
      },
    });
    this.clients.set(id, { fingerprint, client });
    return client;
  }

  private async stopDemo(): Promise<void> {
    const demo = this.demo;
    this.demo = undefined;
    this.clients.delete(DEMO_CONNECTION_ID);
    try {
      await (await demo)?.close();
    } catch (err) {
      this.log.warn(`Stopping the demo emulator: ${(err as Error).message}`);
    }
  }

  dispose(): void {
    void this.stopDemo();
    this.changed.dispose();
    this.healthChanged.dispose();
    this.used.dispose();
  }
}

/**
 * The emulator (and its account generator) is a bundle of its own, dist/emulator.js, loaded only
 * when the demo starts: a user who never opens the demo never loads it (see esbuild.js).
 */
function loadEmulator(): Promise<typeof import('../../emulator')> {
  return import('../../emulator');
}
