/**
 * Holds one future request without answering, to stand for a client that dies at that moment:
 * `before` it is handled (the write never happens) or `after` (it happened; the answer is lost).
 */
export interface HangHook {
  when: 'before' | 'after';
  /** Which methods count (default: the writes POST, PATCH, PUT, DELETE). */
  methods?: string[];
  /** Hang the nth matching request from now (1 = the next one). */
  nth?: number;
  /** Requests whose `METHOD /path` (under /crm/rest) matches this pattern do not count. */
  except?: string;
}

/** One armed hook at a time; it fires once, then disarms. */
export class HangTrap {
  private hook: (HangHook & { seen: number }) | undefined;
  /** Requests held so far. */
  hung = 0;

  arm(hook: HangHook): void {
    this.hook = { ...hook, seen: 0 };
  }

  /** Whether this request is the one to hold: if so, the hook disarms and says when to hold it. */
  spring(method: string, path: string): HangHook['when'] | undefined {
    const hook = this.hook;
    if (!hook || !(hook.methods ?? ['POST', 'PATCH', 'PUT', 'DELETE']).includes(method)) return undefined;
    if (hook.except && new RegExp(hook.except).test(`${method} ${path}`)) return undefined;
    if (++hook.seen < (hook.nth ?? 1)) return undefined;
    this.hook = undefined;
    this.hung++;
    return hook.when;
  }
}
