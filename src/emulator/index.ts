/** The emulator's public face: start a seeded Keap account on loopback. */
import { existsSync } from 'node:fs';
import { generateAccount, type GenerateOptions, type GenerateResult } from './generator';
import { loadEmulatorState, startEmulator, type EmulatorOptions, type RunningEmulator } from './server';
import { EmulatorStore } from './store';

export { startEmulator, loadEmulatorState, DEFAULT_EMULATOR_TOKEN } from './server';
export type { EmulatorOptions, RunningEmulator, EmulatorStats, RequestLogEntry } from './server';
export { KEAP_PAT_QUOTA, UNLIMITED_QUOTA, type QuotaConfig } from './quota';
export type { FaultConfig, FaultKind } from './faults';
export { DISASTER_KINDS, type DisasterKind, type DisasterRequest, type DisasterReport } from './disasters';
export { EmulatorStore } from './store';

export interface SeededEmulatorOptions extends Omit<EmulatorOptions, 'store'> {
  seed?: number | string;
  /** Contacts to generate; other entities scale from it. */
  size?: number;
  plant?: GenerateOptions['plant'];
}

/**
 * Starts an emulator whose account is loaded from `stateFile` when that exists, and generated
 * from `seed`/`size` otherwise (then saved there, so a demo account persists between runs).
 */
export async function startSeededEmulator(options: SeededEmulatorOptions = {}): Promise<RunningEmulator & { generated?: GenerateResult }> {
  let store: EmulatorStore;
  let generated: GenerateResult | undefined;
  if (options.stateFile && existsSync(options.stateFile)) {
    store = await loadEmulatorState(options.stateFile);
  } else {
    store = new EmulatorStore();
    generated = generateAccount(store, { seed: options.seed ?? 1, size: options.size ?? 200, plant: options.plant });
  }
  const emulator = await startEmulator({ ...options, store });
  if (generated && options.stateFile) await emulator.saveState();
  return Object.assign(emulator, { generated });
}
