/**
 * How fast the client reads a whole account from the emulator over loopback HTTP: records per
 * second and requests, with quotas off and with Keap's personal-access-token quota on. Prints
 * figures; asserts nothing.
 *   npm run bench -- [contacts=20000]
 */
import { cpus } from 'node:os';
import { KeapClient } from '../src/core/keap/client';
import { startEmulator, KEAP_PAT_QUOTA, UNLIMITED_QUOTA, type QuotaConfig } from '../src/emulator';
import { generateAccount } from '../src/emulator/generator';
import { EmulatorStore } from '../src/emulator/store';
import { quotaBoundSeconds } from '../src/core/keap/quotaBound';
import { windowsOf } from './support/quota';

const RESOURCES = [
  'contacts',
  'companies',
  'products',
  'orders',
  'payments',
  'transactions',
  'subscriptions',
  'tags',
  'campaigns',
] as const;

async function readAll(store: EmulatorStore, quota: QuotaConfig, label: string): Promise<void> {
  const emulator = await startEmulator({ store, quota });
  const client = new KeapClient({
    baseUrl: emulator.apiBaseUrl,
    credential: { kind: 'api-key', key: emulator.token },
    throttle: quota === UNLIMITED_QUOTA ? 'unlimited' : undefined,
  });
  try {
    const started = process.hrtime.bigint();
    let records = 0;
    // Resources are read concurrently, as a capture would; the throttle keeps the total in bounds.
    await Promise.all(
      RESOURCES.map(async (name) => {
        for await (const _ of client[name].list()) records++;
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const stats = emulator.stats();
    const minimum = quotaBoundSeconds(stats.accepted, windowsOf(quota));
    console.log(
      `${label.padEnd(22)} ${String(records).padStart(9)} records  ${String(stats.accepted).padStart(5)} requests  ${seconds.toFixed(2).padStart(7)} s  ${Math.round(
        records / seconds,
      )
        .toString()
        .padStart(8)} records/s  429s: ${stats.throttled}` +
        (minimum ? `  quota-bound minimum ${minimum.toFixed(1)} s (ratio ${(seconds / minimum).toFixed(2)})` : ''),
    );
  } finally {
    await emulator.close();
  }
}

async function main(): Promise<void> {
  const contacts = Number(process.argv[2] ?? 20_000);
  const store = new EmulatorStore();
  const t0 = Date.now();
  const { counts } = generateAccount(store, { seed: 'bench', size: contacts });
  console.log(
    `Generated ${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')} in ${Date.now() - t0} ms`,
  );
  console.log(`Node ${process.version}, ${cpus().length} cores`);
  await readAll(store, UNLIMITED_QUOTA, 'quotas off');
  await readAll(store, KEAP_PAT_QUOTA, "Keap's PAT quota on");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
