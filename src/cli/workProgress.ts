/**
 * Progress of opening and validating a large snapshot, on a terminal only: one line rewritten in
 * place, as a capture's progress is (progress.ts), cleared when the work ends so the result prints
 * on a clean line. Off a terminal (logs, CI, pipes) and for machine-readable output it stays silent:
 * these steps end in a result line of their own.
 */
import { SnapshotDb } from '../core/snapshot/snapshotDb';
import { describeProgress, type WorkProgress } from '../core/work/progress';

/** Redraws at most this often: a terminal line redrawn per 4 MiB piece would flicker and cost time. */
const REDRAW_MS = 100;

export interface WorkProgressPrinter {
  update(p: WorkProgress): void;
  end(): void;
}

export function workProgressPrinter(label: string, quiet: boolean, stream: NodeJS.WriteStream = process.stderr): WorkProgressPrinter {
  const tty = !!stream.isTTY && !quiet;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(p) {
      if (!tty) return;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && p.done < p.total) return;
      lastDraw = now;
      drawn = true;
      stream.write(`\r\u001b[2K${progressLine(label, p)}`);
    },
    end() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}

/** "Opening x.kvsnap: Reading and verifying 412 of 1,650 MiB (25%)". */
export function progressLine(label: string, p: WorkProgress): string {
  return `${label}: ${describeProgress(p)}`;
}

/** Opens a snapshot, its progress drawn on a terminal unless `quiet` (machine-readable output). */
export async function openWithProgress(file: string, key: string | undefined, quiet: boolean): Promise<SnapshotDb> {
  const printer = workProgressPrinter(`Opening ${file}`, quiet);
  try {
    return await SnapshotDb.open(file, { key, onProgress: (p) => printer.update(p) });
  } finally {
    printer.end();
  }
}
