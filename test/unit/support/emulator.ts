/** Starts emulators on loopback for tests and gives a client for each; everything is closed after. */
import { KeapClient } from '../../../src/core/keap/client';
import type { TransportOptions } from '../../../src/core/keap/transport';
import { startEmulator, UNLIMITED_QUOTA, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator';
import { EmulatorStore } from '../../../src/emulator/store';

export interface TestAccount {
  emulator: RunningEmulator;
  client: KeapClient;
  store: EmulatorStore;
}

const running: RunningEmulator[] = [];

/** An emulator without quotas unless asked, and a client that does not pace. */
export async function startTestAccount(options: EmulatorOptions = {}, clientOptions: Partial<TransportOptions> = {}): Promise<TestAccount> {
  const store = options.store ?? new EmulatorStore();
  const emulator = await startEmulator({ quota: UNLIMITED_QUOTA, ...options, store });
  running.push(emulator);
  const client = new KeapClient({
    baseUrl: emulator.apiBaseUrl,
    credential: { kind: 'api-key', key: emulator.token },
    throttle: 'unlimited',
    retryBaseMs: 5,
    ...clientOptions,
  });
  return { emulator, client, store };
}

export async function closeTestAccounts(): Promise<void> {
  await Promise.all(running.splice(0).map((e) => e.close()));
}

/** A contact as the store keeps it, for tests that need many quickly. */
export function addContacts(store: EmulatorStore, count: number, prefix = 'c'): number[] {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(store.createContact({ given_name: `${prefix}${i}`, email_addresses: [{ email: `${prefix}${i}@example.test` }] }).record.id);
  }
  return ids;
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}
