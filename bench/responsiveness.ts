/**
 * How long the event loop is blocked while a large snapshot is opened and validated (issue 12: the
 * extension host must not freeze for more than ~100 ms at a time). A timer probe ticks every 10 ms
 * beside the work; each late tick is time the loop could not run anything else. Prints, per stage,
 * the seconds, the longest block and the p99 of the probe's delays, each as a ratio to the 100 ms
 * goal, and the largest single synchronous step the stage timed itself. Prints figures; asserts nothing.
 *   npm run compile-tests && node out/bench/responsiveness.js [contacts=100000] [--snapshot=file] [--keep]
 * Without --snapshot, the account is generated in the emulator's own process and captured first
 * (--keep leaves that file behind and prints its path, for the next run's --snapshot=).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { KeapClient } from '../src/core/keap/client';
import { captureSnapshot } from '../src/core/snapshot/capture';
import { SnapshotDb } from '../src/core/snapshot/snapshotDb';
import { validateSnapshotInSlices } from '../src/core/validate/engine';
import { startEventLoopProbe, type EventLoopFigures } from './support/eventLoopProbe';
import { startEmulatorProcess } from './support/emulatorProcess';

const GOAL_MS = 100;

interface StageResult {
  seconds: number;
  loop: EventLoopFigures;
  note: string;
}

async function measured(work: () => Promise<string>): Promise<StageResult> {
  const probe = startEventLoopProbe();
  const t = Date.now();
  const note = await work();
  const seconds = (Date.now() - t) / 1000;
  return { seconds, loop: probe.stop(), note };
}

async function captureAccount(contacts: number, dir: string): Promise<string> {
  const emulator = await startEmulatorProcess(contacts, 'scale');
  try {
    const file = path.join(dir, `responsiveness-${contacts}.kvsnap`);
    const client = new KeapClient({
      baseUrl: emulator.apiBaseUrl,
      credential: { kind: 'api-key', key: emulator.token },
      throttle: 'unlimited',
    });
    const t = Date.now();
    await captureSnapshot({ client, out: file });
    console.log(`Captured ${contacts.toLocaleString('en-US')} contacts in ${((Date.now() - t) / 1000).toFixed(1)} s: ${file}`);
    return file;
  } finally {
    await emulator.stop();
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (n: number) => (n / GOAL_MS).toFixed(2);

function print(stage: string, r: StageResult): void {
  console.log(
    `  ${stage.padEnd(9)} ${r.seconds.toFixed(2).padStart(7)} s; longest block ${ms(r.loop.maxMs)} (ratio ${ratio(r.loop.maxMs)}), ` +
      `p99 ${ms(r.loop.p99Ms)} (ratio ${ratio(r.loop.p99Ms)}), ${r.loop.ticks} ticks; ${r.note}`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const contacts = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const given = args.find((a) => a.startsWith('--snapshot='))?.slice('--snapshot='.length);
  const keep = args.includes('--keep');
  console.log(`Responsiveness: Node ${process.version}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`);
  const dir = given ? undefined : mkdtempSync(path.join(tmpdir(), 'kv-bench-responsive-'));
  const file = given ?? (await captureAccount(contacts, dir!));
  try {
    console.log(`Snapshot ${file}: ${(statSync(file).size / 1024 ** 2).toFixed(0)} MiB; goal: no block over ${GOAL_MS} ms`);
    // The same probe with nothing running: on a shared machine, the scheduler alone delays timers;
    // this is the floor the stages' figures stand on.
    const idle = await measured(async () => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return "nothing running beside the probe (the machine's own scheduling delay)";
    });
    print('idle', idle);
    let db: SnapshotDb | undefined;
    let progressReports = 0;
    const open = await measured(async () => {
      db = await SnapshotDb.open(file, { onProgress: () => progressReports++ });
      const [step, longest] = Object.entries(db.openSteps).sort((a, b) => b[1] - a[1])[0];
      const steps = Object.entries(db.openSteps)
        .map(([name, took]) => `${name} ${ms(took)}`)
        .join(', ');
      return `${progressReports} progress reports; longest step that cannot be sliced: ${step}, ${ms(longest)} (${steps})`;
    });
    print('open', open);
    progressReports = 0;
    const validate = await measured(async () => {
      const report = await validateSnapshotInSlices(db!, {}, { onProgress: () => progressReports++ });
      const slowest = [...report.rules].sort((a, b) => b.ms - a.ms)[0];
      return `${report.findings.length} findings, ${progressReports} progress reports; slowest rule ${slowest.id} ${ms(slowest.ms)} in all`;
    });
    print('validate', validate);
    db!.close();
  } finally {
    if (dir && !keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
