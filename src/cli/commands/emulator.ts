import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { dataPaths } from '../../core/fs/dataDir';
import { DEFAULT_EMULATOR_TOKEN, KEAP_PAT_QUOTA, startSeededEmulator, UNLIMITED_QUOTA, type QuotaConfig } from '../../emulator';
import { ALL_FAULT_KINDS, type FaultKind } from '../../emulator/faults';
import { PLANTED_PROBLEM_KINDS, type PlantedProblemKind } from '../../emulator/generator';
import { countedEntity, printJson, UsageError, type Io } from '../output';

interface EmulatorFlags {
  host: string;
  port?: string;
  seed: string;
  size: string;
  token: string;
  quota: string;
  perSecond?: string;
  perMinute?: string;
  perDay?: string;
  daySeconds?: string;
  retryAfter?: boolean;
  state?: string | true;
  faults?: string;
  faultKinds?: string;
  faultSeed?: string;
  plant?: string;
  json?: boolean;
}

/**
 * The emulator's port unless told otherwise: the same on every start, so an exported KEAP_API_URL
 * keeps working across restarts.
 */
export const EMULATOR_PORT = 8720;

export function registerEmulatorCommand(program: Command, io: Io): void {
  program
    .command('emulator')
    .description('run the built-in Keap emulator (Keap REST v2 on loopback, seeded demo data)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', `port (default ${EMULATOR_PORT}, or a free one when that is taken; 0: always a free one)`)
    .option('--seed <seed>', 'seed of the generated account', '1')
    .option('--size <contacts>', 'contacts to generate (other records scale from it)', '200')
    .option('--token <token>', 'the personal access token the emulator accepts', DEFAULT_EMULATOR_TOKEN)
    .option('--quota <preset>', "quota preset: 'keap' (10/s, 240/min, 30,000/day) or 'unlimited'", 'keap')
    .option('--per-second <n>', 'override the per-second limit')
    .option('--per-minute <n>', 'override the per-minute limit')
    .option('--per-day <n>', 'override the per-day limit')
    .option(
      '--day-seconds <n>',
      "make the emulator's day this many seconds: the daily quota resets that often (to try an apply across days)",
    )
    .option('--retry-after', 'send Retry-After on 429 (Keap does not document it)')
    .option(
      '--state [file]',
      `load the account from this file if it exists, else generate and save it there; saved again on exit (no file: ${defaultStateFile()})`,
    )
    .option('--faults <rate>', 'fraction of requests that fail (0..1)')
    .option('--fault-kinds <list>', `comma list of ${ALL_FAULT_KINDS.join(', ')}`)
    .option('--fault-seed <seed>', 'seed of the fault sequence', '1')
    .option('--plant <list>', `plant integrity problems, e.g. orphan-order=2,duplicate-order=1 (${PLANTED_PROBLEM_KINDS.join(', ')})`)
    .option('--json', 'print the connection details as JSON')
    .action(async (flags: EmulatorFlags) => {
      const stateFile = flags.state === true ? defaultStateFile() : flags.state;
      if (stateFile) await fs.mkdir(path.dirname(path.resolve(stateFile)), { recursive: true });
      const emulator = await startSeededEmulator({
        host: flags.host,
        port: flags.port === undefined ? EMULATOR_PORT : intFlag(flags.port, '--port'),
        freePortIfTaken: flags.port === undefined,
        seed: flags.seed,
        size: intFlag(flags.size, '--size'),
        token: flags.token,
        quota: quotaFromFlags(flags),
        faults:
          flags.faults === undefined
            ? undefined
            : {
                rate: Number(flags.faults),
                seed: flags.faultSeed,
                kinds: flags.faultKinds?.split(',').map((k) => k.trim() as FaultKind),
              },
        stateFile,
        plant: flags.plant === undefined ? undefined : plantFromFlag(flags.plant),
      });
      const details = {
        url: emulator.url,
        apiBaseUrl: emulator.apiBaseUrl,
        token: emulator.token,
        counts: emulator.stats().counts,
        planted: emulator.generated?.planted ?? [],
      };
      const port = Number(new URL(emulator.url).port);
      if (flags.port === undefined && port !== EMULATOR_PORT)
        io.err(`Port ${EMULATOR_PORT} is taken (another emulator?): listening on ${port} instead; use the export line below.`);
      if (flags.json) printJson(io, details);
      else {
        io.out(`Keap emulator listening on ${emulator.apiBaseUrl}`);
        io.out(`Accepted token: ${emulator.token}  (send as X-Keap-API-Key or Authorization: Bearer)`);
        io.out(
          `Account: ${Object.entries(details.counts)
            .map(([k, v]) => countedEntity(v, k))
            .join(', ')}`,
        );
        if (stateFile) io.out(`Account kept in ${stateFile} (saved again when the emulator stops).`);
        const quota = quotaFromFlags(flags);
        if (quota.dayMs)
          io.out(
            `A day lasts ${quota.dayMs / 1000} s here: the daily quota${quota.perDay ? ` of ${quota.perDay.toLocaleString('en-US')}` : ''} resets that often.`,
          );
        io.out(`Use it:  export KEAP_API_URL=${emulator.apiBaseUrl} KEAP_API_KEY=${emulator.token}`);
        io.out('Press Ctrl+C to stop.');
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      if (stateFile) await emulator.saveState();
      await emulator.close();
    });
}

/** Where `--state` without a file keeps the emulated account: the data folder, not the working directory. */
function defaultStateFile(): string {
  return path.join(dataPaths().emulator, 'account.json');
}

function quotaFromFlags(flags: EmulatorFlags): QuotaConfig {
  const presets: Record<string, QuotaConfig> = { keap: KEAP_PAT_QUOTA, unlimited: UNLIMITED_QUOTA };
  const base = presets[flags.quota];
  if (!base) throw new UsageError(`--quota must be 'keap' or 'unlimited'`);
  return {
    ...base,
    ...(flags.perSecond !== undefined ? { perSecond: intFlag(flags.perSecond, '--per-second') } : {}),
    ...(flags.perMinute !== undefined ? { perMinute: intFlag(flags.perMinute, '--per-minute') } : {}),
    ...(flags.perDay !== undefined ? { perDay: intFlag(flags.perDay, '--per-day') } : {}),
    ...(flags.daySeconds !== undefined ? { dayMs: positive(intFlag(flags.daySeconds, '--day-seconds'), '--day-seconds') * 1000 } : {}),
    retryAfter: flags.retryAfter ?? false,
  };
}

function plantFromFlag(value: string): Partial<Record<PlantedProblemKind, number>> {
  const plant: Partial<Record<PlantedProblemKind, number>> = {};
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [kind, count = '1'] = part.split('=');
    if (!PLANTED_PROBLEM_KINDS.includes(kind as PlantedProblemKind))
      throw new UsageError(`--plant: unknown problem '${kind}'; use ${PLANTED_PROBLEM_KINDS.join(', ')}`);
    plant[kind as PlantedProblemKind] = intFlag(count, `--plant ${kind}`);
  }
  return plant;
}

function positive(n: number, name: string): number {
  if (n <= 0) throw new UsageError(`${name} must be at least 1`);
  return n;
}

export function intFlag(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got '${value}'`);
  return n;
}
