/**
 * Capture progress for people: one line rewritten in place on a terminal, a line per finished
 * entity otherwise (logs, CI).
 */
import type { CaptureProgress } from '../core/snapshot/capture';
import { counted, type Io } from './output';

export function captureProgressPrinter(
  io: Io,
  stream: NodeJS.WriteStream = process.stderr,
): { update(p: CaptureProgress): void; end(): void } {
  const latest = new Map<string, CaptureProgress>();
  let lastDraw = 0;
  const tty = !!stream.isTTY;
  const line = (p: CaptureProgress) => {
    const total = [...latest.values()].filter((x) => x.phase === 'records').reduce((n, x) => n + x.records, 0);
    const waits = p.throttleWaitedMs ? `, waited ${(p.throttleWaitedMs / 1000).toFixed(1)} s for the quota` : '';
    return `${counted(total, 'record')}, ${counted(p.requests, 'request')}${waits} — ${p.entity}: ${p.records.toLocaleString('en-US')}${p.estimatedTotal ? ` of ~${p.estimatedTotal.toLocaleString('en-US')}` : ''}`;
  };
  return {
    update(p) {
      latest.set(`${p.entity}.${p.phase}`, p);
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && !p.done) return;
        lastDraw = now;
        stream.write(`\r\u001b[2K${line(p)}`);
      } else if (p.done) {
        io.err(
          `${p.entity}${p.phase === 'deletion-check' ? ' (deletion check)' : ''}: ${counted(p.records, 'record')}, ${counted(p.pages, 'page')}`,
        );
      }
    },
    end() {
      if (tty) stream.write('\r\u001b[2K');
    },
  };
}
