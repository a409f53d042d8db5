/** What the emulator answered, for `GET /__emulator/requests` and the per-route counts in the stats. */
import type { FaultKind } from '../faults';

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  route?: string;
  status: number;
  fault?: FaultKind;
}

/** The last `size` entries (older ones drop off), and a count per route template that never drops. */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];
  private readonly perRoute: Record<string, number> = {};

  constructor(private readonly size: number) {}

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
  }

  countRoute(route: string): void {
    this.perRoute[route] = (this.perRoute[route] ?? 0) + 1;
  }

  /** The live list (the admin surface serialises it at once). */
  get live(): readonly RequestLogEntry[] {
    return this.entries;
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  byRoute(): Record<string, number> {
    return { ...this.perRoute };
  }
}
