/**
 * The emulator in its own process, so a bench's memory and CPU figures are Keap Vault's alone.
 * Run as a child: generates the account, listens on a free loopback port with quotas off (or
 * Keap's personal-access-token quota with `pat`), prints one JSON line with where it listens, and
 * serves until its parent closes its stdin.
 *   node out/bench/support/emulatorProcess.js <contacts> <seed> [unlimited|pat]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { KEAP_PAT_QUOTA, startEmulator, UNLIMITED_QUOTA } from '../../src/emulator';
import { generateAccount } from '../../src/emulator/generator';
import { EmulatorStore } from '../../src/emulator/store';

export interface EmulatorProcess {
  apiBaseUrl: string;
  token: string;
  /** Seconds the child took to generate the account. */
  generatedIn: number;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(
  contacts: number,
  seed: string,
  quota: 'unlimited' | 'pat' = 'unlimited',
): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=16384', __filename, String(contacts), seed, quota], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`The emulator process ended (exit ${code}) before it listened`)));
  });
  const ready = JSON.parse(first) as { apiBaseUrl: string; token: string; generatedIn: number };
  return {
    ...ready,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

async function serve(contacts: number, seed: string, quota: string): Promise<void> {
  const started = Date.now();
  const store = new EmulatorStore();
  generateAccount(store, { seed, size: contacts });
  const generatedIn = (Date.now() - started) / 1000;
  const emulator = await startEmulator({ store, quota: quota === 'pat' ? KEAP_PAT_QUOTA : UNLIMITED_QUOTA, port: 0 });
  process.stdout.write(JSON.stringify({ apiBaseUrl: emulator.apiBaseUrl, token: emulator.token, generatedIn }) + '\n');
  process.stdin.resume();
  process.stdin.once('end', () => void emulator.close().then(() => process.exit(0)));
}

if (require.main === module) {
  const [contacts, seed, quota] = process.argv.slice(2);
  serve(Number(contacts), seed ?? 'scale', quota ?? 'unlimited').catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
