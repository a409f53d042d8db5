/**
 * Snapshot fixtures straight from an emulator store (no HTTP): each record rendered exactly as the
 * emulator's API would return it, so fixtures have Keap's shapes without hand-pasted JSON.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SNAPSHOT_ENTITIES } from '../../../src/core/snapshot/entities';
import type { SnapshotDb, SnapshotMeta } from '../../../src/core/snapshot/snapshotDb';
import { generateAccount, type GenerateOptions, type PlantedProblem } from '../../../src/emulator/generator';
import { snapshotOfAccount } from '../../fixtures/accountSnapshot';
import { EmulatorStore } from '../../../src/emulator/store';

export function tempDir(prefix = 'kv-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Kept under its old name for the tests that use it. */
export const snapshotFromStore = snapshotOfAccount;

/** Every table's rows (id and JSON, in stored order): two snapshots holding the same records compare equal. */
export function everyRecord(db: SnapshotDb): Map<string, string[]> {
  return new Map(SNAPSHOT_ENTITIES.map((e) => [e, [...db.rows(e)].map((r) => `${r.id}\u0000${r.json}`)]));
}

export const TEST_META: Omit<SnapshotMeta, 'format' | 'formatVersion' | 'counts' | 'checksum' | 'toolVersion'> = {
  snapshotId: 'test-snapshot',
  account: 'emulator.keap-vault.local',
  apiBaseUrl: 'http://127.0.0.1/crm/rest',
  startedAt: '2026-11-01T12:00:00.000Z',
  finishedAt: '2026-11-01T12:00:05.000Z',
};

/** A generated account saved as a snapshot file; returns the file and the store it came from. */
export async function generatedSnapshotFile(
  options: GenerateOptions,
  dir = tempDir(),
  key?: string,
): Promise<{ file: string; store: EmulatorStore; planted: PlantedProblem[] }> {
  const store = new EmulatorStore();
  const { planted } = generateAccount(store, options);
  const db = await snapshotFromStore(store);
  const file = path.join(dir, `snapshot-${options.seed}-${options.size}.kvsnap`);
  await db.save(file, TEST_META, { key });
  db.close();
  return { file, store, planted };
}
