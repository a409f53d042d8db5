/**
 * sql.js keeps a database in one array that grows by copying; each array it leaves behind is freed
 * only at V8's next full collection. The snapshot writer's thread allocates little JavaScript, so
 * that collection came late: a 1M-contact capture peaked at 4.53 GiB of RSS, against 3.38 GiB
 * with a full collection every 16 pages. So after each page the thread looks at its array
 * buffers, and when they have grown by a quarter since the last collection, it asks for one.
 * Since a new snapshot's file has room to grow in place (fileRoom.ts) this happens only past that
 * room; the reservation itself counts whole here, so the first page after it was made asks once.
 */
import { measureMemory } from 'node:vm';

/** Below this, a collection would not be worth its time. */
const MIN_GROWTH_BYTES = 64 * 1024 * 1024;

export class GrownArrays {
  private afterLast = process.memoryUsage().arrayBuffers;
  private collecting = false;

  /** Runs a full collection if the thread's array buffers grew by a quarter (and 64 MiB) since the last one. */
  async collectIfGrown(): Promise<void> {
    const now = process.memoryUsage().arrayBuffers;
    if (this.collecting || now - this.afterLast < Math.max(MIN_GROWTH_BYTES, this.afterLast / 4)) return;
    this.collecting = true;
    // measureMemory with eager execution is the one way to ask for a full collection without a V8
    // flag (process-wide, and the extension host is shared). It is marked experimental; its warning
    // would reach the user's terminal, so it is silenced on this thread only, for this call only.
    const emitWarning = process.emitWarning;
    process.emitWarning = () => undefined;
    try {
      await measureMemory({ mode: 'summary', execution: 'eager' });
    } catch {
      // Not asked for after all: the memory is left to V8's own timing, as before.
    } finally {
      process.emitWarning = emitWarning;
      this.afterLast = process.memoryUsage().arrayBuffers;
      this.collecting = false;
    }
  }
}
