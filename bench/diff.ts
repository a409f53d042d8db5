/**
 * How long `diff` takes on two snapshots of a generated account, the second after a
 * delete-contacts disaster (10% by default). Prints figures; asserts nothing.
 *   npx tsc -p . && node out/bench/diff.js [contacts=20000] [fraction=0.1]
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { diffSnapshots, VOLATILE_FIELDS, type SnapshotDiff } from '../src/core/snapshot/diff';
import { SnapshotDb } from '../src/core/snapshot/snapshotDb';
import { applyDisaster } from '../src/emulator/disasters';
import { generateAccount } from '../src/emulator/generator';
import { EmulatorStore } from '../src/emulator/store';
import { snapshotFromStore, tempDir, TEST_META } from '../test/unit/support/snapshots';

async function timed(label: string, run: () => SnapshotDiff | Promise<SnapshotDiff>): Promise<void> {
  const started = process.hrtime.bigint();
  const t = (await run()).totals;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${label.padEnd(30)} ${ms.toFixed(0).padStart(6)} ms  +${t.added} -${t.removed} ~${t.changed}`);
}

async function main(): Promise<void> {
  const contacts = Number(process.argv[2] ?? 20_000);
  const fraction = Number(process.argv[3] ?? 0.1);
  const store = new EmulatorStore();
  generateAccount(store, { seed: 'bench', size: contacts });
  const changed = EmulatorStore.fromState(JSON.parse(JSON.stringify(store.toState())));
  applyDisaster(changed, { kind: 'delete-contacts', fraction });
  const a = await snapshotFromStore(store);
  const b = await snapshotFromStore(changed);
  const rows = (db: SnapshotDb) => Object.values(db.counts()).reduce((n, c) => n + c, 0);
  console.log(
    `Node ${process.version}; A ${rows(a).toLocaleString('en-US')} rows, B ${rows(b).toLocaleString('en-US')} rows (${contacts} contacts, delete-contacts ${fraction})`,
  );

  await timed('diff, all fields', () => diffSnapshots(a, b, { maxChangedRecords: 20 }));
  await timed('diff, volatile fields ignored', () => diffSnapshots(a, b, { ignore: [...VOLATILE_FIELDS], maxChangedRecords: 20 }));
  await timed('diff, A against itself', () => diffSnapshots(a, a));

  // What the CLI pays on top: reading and verifying both files (a checksum over every row).
  const dir = tempDir('kv-bench-');
  const [fileA, fileB] = [path.join(dir, 'a.kvsnap'), path.join(dir, 'b.kvsnap')];
  await a.save(fileA, TEST_META);
  await b.save(fileB, TEST_META);
  a.close();
  b.close();
  await timed('open both files, then diff', async () => {
    const [x, y] = [await SnapshotDb.open(fileA), await SnapshotDb.open(fileB)];
    try {
      return diffSnapshots(x, y, { ignore: [...VOLATILE_FIELDS], maxChangedRecords: 20 });
    } finally {
      x.close();
      y.close();
    }
  });
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
