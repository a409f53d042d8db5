/**
 * Deterministic fault injection: with the same seed, the n-th Keap request meets the same fate.
 * Errors are answered before the request is handled (nothing happened); `timeout` and `reset`
 * strike after it was handled (it happened, but the caller cannot know) — the case a client
 * must never "fix" by blindly sending a create again.
 */
import { SeededRandom } from './random';

export type FaultKind = '500' | '502' | '503' | 'timeout' | 'reset';

export const ALL_FAULT_KINDS: FaultKind[] = ['500', '502', '503', 'timeout', 'reset'];

export interface FaultConfig {
  /** Fraction of Keap requests that fail, 0..1. */
  rate: number;
  seed?: number | string;
  kinds?: FaultKind[];
  /** How long a `timeout` fault holds the answer back; longer than the client's timeout. */
  delayMs?: number;
}

export class FaultInjector {
  private random: SeededRandom;
  private config: Required<FaultConfig>;
  injected = 0;

  constructor(config: FaultConfig = { rate: 0 }) {
    this.config = FaultInjector.complete(config);
    this.random = new SeededRandom(this.config.seed);
  }

  configure(config: FaultConfig): void {
    this.config = FaultInjector.complete(config);
    this.random = new SeededRandom(this.config.seed);
  }

  get settings(): Required<FaultConfig> {
    return { ...this.config, kinds: [...this.config.kinds] };
  }

  /** The fault for the next request, if any. */
  next(): FaultKind | undefined {
    if (this.config.rate <= 0 || !this.config.kinds.length) return undefined;
    const roll = this.random.next();
    const kind = this.random.pick(this.config.kinds);
    if (roll >= this.config.rate) return undefined;
    this.injected++;
    return kind;
  }

  get delayMs(): number {
    return this.config.delayMs;
  }

  private static complete(config: FaultConfig): Required<FaultConfig> {
    if (!(config.rate >= 0 && config.rate <= 1)) throw new Error('fault rate must be between 0 and 1');
    return { rate: config.rate, seed: config.seed ?? 1, kinds: config.kinds ?? ALL_FAULT_KINDS, delayMs: config.delayMs ?? 5000 };
  }
}
