/**
 * Connections: a name and an API base URL kept in the extension's global state; the credential
 * only ever in SecretStorage. The built-in demo connection runs the Keap emulator in-process.
 */
import * as vscode from 'vscode';
import { KeapClient } from '../../core/keap/client';
import { KEAP_API_BASE_URL } from '../../core/keap/transport';
import { startSeededEmulator, type RunningEmulator } from '../../emulator';

export interface Connection {
  id: string;
  name: string;
  baseUrl: string;
  demo?: boolean;
  /** Keap's tenant id, learnt from the first answer; snapshots of this account are listed under it. */
  account?: string;
}

export const DEMO_CONNECTION_ID = 'demo';
/** A few of the problems validation finds, so the demo shows what a finding looks like. */
const DEMO_PROBLEMS = { 'orphan-order': 1, 'dangling-product': 1, 'total-mismatch': 1, 'duplicate-order': 1 } as const;
const STATE_KEY = 'keapVault.connections';
const secretKey = (id: string) => `keapVault.credential.${id}`;

export class ConnectionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private demo?: Promise<RunningEmulator>;

  constructor(private readonly state: vscode.Memento, private readonly secrets: vscode.SecretStorage, private readonly log: vscode.LogOutputChannel) {}

  list(): Connection[] {
    return this.state.get<Connection[]>(STATE_KEY, []);
  }

  get(id: string): Connection | undefined {
    return this.list().find((c) => c.id === id);
  }

  async add(name: string, baseUrl = KEAP_API_BASE_URL): Promise<Connection> {
    const url = new URL(baseUrl); // throws on nonsense before anything is stored
    if (url.username || url.password) throw new Error('Put the credential in its own field, not in the URL');
    const connection: Connection = { id: `c${Date.now().toString(36)}`, name: name.trim() || url.host, baseUrl: url.toString().replace(/\/$/, '') };
    await this.state.update(STATE_KEY, [...this.list(), connection]);
    this.changed.fire();
    return connection;
  }

  async remove(id: string): Promise<void> {
    await this.state.update(STATE_KEY, this.list().filter((c) => c.id !== id));
    await this.secrets.delete(secretKey(id));
    if (id === DEMO_CONNECTION_ID) await this.stopDemo();
    this.changed.fire();
  }

  async noteAccount(id: string, account: string): Promise<void> {
    const list = this.list();
    if (!list.some((c) => c.id === id && c.account !== account)) return;
    await this.state.update(STATE_KEY, list.map((c) => (c.id === id ? { ...c, account } : c)));
    this.changed.fire();
  }

  async setCredential(id: string, credential: string): Promise<void> {
    await this.secrets.store(secretKey(id), credential.trim());
    this.changed.fire();
  }

  async clearCredential(id: string): Promise<void> {
    await this.secrets.delete(secretKey(id));
    this.changed.fire();
  }

  async hasCredential(id: string): Promise<boolean> {
    return !!(await this.secrets.get(secretKey(id)));
  }

  /** Starts (once) the emulator behind the demo connection and records the connection. */
  async ensureDemo(): Promise<Connection> {
    this.demo ??= startSeededEmulator({ seed: 'demo', size: 200, port: 0, plant: DEMO_PROBLEMS }).then((emulator) => {
      this.log.info(`Keap emulator (demo) listening on ${emulator.apiBaseUrl}`);
      return emulator;
    });
    const emulator = await this.demo;
    const connection: Connection = { ...this.get(DEMO_CONNECTION_ID), id: DEMO_CONNECTION_ID, name: 'Keap emulator (demo)', baseUrl: emulator.apiBaseUrl, demo: true };
    const others = this.list().filter((c) => c.id !== DEMO_CONNECTION_ID);
    await this.state.update(STATE_KEY, [connection, ...others]);
    await this.secrets.store(secretKey(DEMO_CONNECTION_ID), emulator.token);
    this.changed.fire();
    return connection;
  }

  demoEmulator(): Promise<RunningEmulator> | undefined {
    return this.demo;
  }

  /** A client for a connection; the demo's emulator is started when needed (its port changes per session). */
  async client(id: string): Promise<KeapClient> {
    let connection = this.get(id);
    if (id === DEMO_CONNECTION_ID) connection = await this.ensureDemo();
    if (!connection) throw new Error(`No connection ${id}`);
    const key = await this.secrets.get(secretKey(id));
    if (!key) throw new Error(`No credential for ${connection.name}: set one with "Keap Vault: Set Credential".`);
    return new KeapClient({ baseUrl: connection.baseUrl, credential: { kind: "api-key", key } });
  }

  private async stopDemo(): Promise<void> {
    const demo = this.demo;
    this.demo = undefined;
    await (await demo)?.close();
  }

  dispose(): void {
    void this.stopDemo();
    this.changed.dispose();
  }
}
