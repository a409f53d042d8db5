/**
 * A whole capture (live -> snapshot file) from the emulator over loopback HTTP, with quotas off and
 * with Keap's personal-access-token quota on: time, requests, records/s, and the ratio to the
 * quota-bound minimum. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/capture.js [contacts=20000]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { KeapClient } from '../src/core/keap/client';
import { quotaBoundSeconds } from '../src/core/keap/quotaBound';
import { captureSnapshot } from '../src/core/snapshot/capture';
import { windowsOf } from './support/quota';
import { KEAP_PAT_QUOTA, startEmulator, UNLIMITED_QUOTA, type QuotaConfig } from '../src/emulator';
import { generateAccount } from '../src/emulator/generator';
import { EmulatorStore } from '../src/emulator/store';

async function run(store: EmulatorStore, quota: QuotaConfig, label: string): Promise<void> {
  const emulator = await startEmulator({ store, quota });
  const dir = mkdtempSync(path.join(tmpdir(), 'kv-bench-capture-'));
  try {
    const client = new KeapClient({
      baseUrl: emulator.apiBaseUrl,
      credential: { kind: 'api-key', key: emulator.token },
      throttle: quota === UNLIMITED_QUOTA ? 'unlimited' : undefined,
    });
    const started = Date.now();
    const result = await captureSnapshot({ client, out: path.join(dir, 'bench.kvsnap') });
    const seconds = (Date.now() - started) / 1000;
    const records = Object.values(result.meta.counts).reduce((a, b) => a + (b ?? 0), 0);
    // Every window Keap has (the minute's too, which binds a large capture), as the other benches count it.
    const minimum = quotaBoundSeconds(result.requests, windowsOf(quota));
    console.log(
      `${label.padEnd(20)} ${result.requests} requests, ${seconds.toFixed(1)} s, ${Math.round(records / seconds)} rows/s, ` +
        `${(statSync(result.file).size / 1024 / 1024).toFixed(0)} MiB file, 429s: ${emulator.stats().throttled}` +
        (minimum ? `, quota-bound minimum ${minimum.toFixed(1)} s` : ''),
    );
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const contacts = Number(process.argv[2] ?? 20_000);
  const store = new EmulatorStore();
  generateAccount(store, { seed: 'bench', size: contacts });
  console.log(
    `Capture of ${contacts.toLocaleString('en-US')} contacts, ${store.orders.size.toLocaleString('en-US')} orders; Node ${process.version}, ${cpus().length} cores`,
  );
  await run(store, UNLIMITED_QUOTA, 'quotas off');
  await run(store, KEAP_PAT_QUOTA, "Keap's PAT quota on");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
