/**
 * An apply's progress for people, on stderr: on a terminal one line rewritten in place (steps done
 * of the steps that send something, requests, retries, the quota wait with a countdown, the time
 * left), with a line of its own for each step worth reading (failed, conflict, linked, found after
 * an interruption); otherwise (a log, CI, or --json) plain lines: one per step and one per wait.
 */
import type { KeapClient } from '../core/keap/client';
import type { QuotaWaitCause } from '../core/keap/errors';
import type { ApplyProgress, ApplyWait } from '../core/restore/applier';
import { duration } from '../core/restore/estimate';
import type { RestorePlan } from '../core/restore/plan';
import { timeLeftMs } from '../core/restore/timeLeft';
import { counted, type Io } from './output';

export interface ApplyProgressPrinter {
  step(p: ApplyProgress): void;
  wait(w: ApplyWait): void;
  end(): void;
}

export interface ApplyProgressOptions {
  client: KeapClient;
  plan: RestorePlan;
  /** The reserve the apply leaves to others (for the time left). */
  reserve: number;
  /** Plain lines even on a terminal (--json). */
  plain?: boolean;
  stream?: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  now?: () => number;
}

/** The words for what a wait waits for. */
const WAITING_FOR: Record<QuotaWaitCause, string> = {
  second: "Keap's per-second limit",
  minute: "Keap's minute quota",
  day: "Keap's daily quota",
  throttled: "Keap's rate limit (it answered 429)",
  window: "Keap's quota",
};

export function applyProgressPrinter(io: Io, options: ApplyProgressOptions): ApplyProgressPrinter {
  const stream = options.stream ?? process.stderr;
  const tty = !!stream.isTTY && !options.plain;
  const now = options.now ?? Date.now;
  const transport = options.client.transport;
  const started = { at: now(), requests: transport.requestCount, retries: transport.retryCount };
  let workDone = 0;
  let workTotal = options.plan.steps.filter((s) => s.action === 'create' || s.action === 'update').length;
  /** Steps this run finished (not those an earlier run had done), and the time the daily pauses took. */
  let doneHere = 0;
  let pausedMs = 0;
  let waiting: ApplyWait | undefined;
  let lastDraw = 0;
  let timer: NodeJS.Timeout | undefined;

  const requests = () => transport.requestCount - started.requests;
  const retries = () => transport.retryCount - started.retries;

  const timeLeft = (): string | undefined => {
    const stepsLeft = workTotal - workDone;
    if (!stepsLeft) return undefined;
    const estimate = options.plan.estimate;
    const measured = doneHere >= 5;
    const requestsPerStep = measured ? requests() / doneHere : estimate && workTotal ? estimate.requests / workTotal : 1.5;
    const ms = timeLeftMs({
      stepsLeft,
      requestsPerStep,
      windows: transport.throttle.limits,
      reserve: options.reserve,
      daily: transport.throttle.daily,
      measuredMsPerStep: measured ? Math.max(0, now() - started.at - pausedMs) / doneHere : undefined,
      now: now(),
    });
    return `about ${duration(ms)} left`;
  };

  const waitText = (w: ApplyWait): string => {
    const left = Math.max(0, w.until.getTime() - now());
    if (w.kind === 'paused')
      return `paused until ${clock(w.until)} UTC for ${WAITING_FOR[w.waitingFor]} (${duration(left)}), ${counted(w.stepsLeft, 'step')} left`;
    return `waiting ${duration(left)} for ${WAITING_FOR[w.waitingFor]}`;
  };

  const status = (): string => {
    const parts = [`${workDone.toLocaleString('en-US')}/${workTotal.toLocaleString('en-US')} steps`, counted(requests(), 'request')];
    if (retries()) parts.push(counted(retries(), 'retry', 'retries'));
    if (waiting && waiting.until.getTime() > now()) parts.push(waitText(waiting));
    const left = timeLeft();
    if (left) parts.push(left);
    return parts.join(' · ');
  };

  const draw = (force = false) => {
    if (!tty) return;
    const t = now();
    if (!force && t - lastDraw < 100) return;
    lastDraw = t;
    stream.write(`\r\u001b[2K${status()}`);
  };

  /** A line of its own above the status line (on a terminal), or a plain line. */
  const line = (text: string) => {
    if (tty) stream.write('\r\u001b[2K');
    io.err(text);
    draw(true);
  };

  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  return {
    step(p) {
      workDone = p.workDone;
      workTotal = p.workTotal;
      if (waiting?.kind === 'paused')
        pausedMs += Math.max(0, Math.min(now(), waiting.until.getTime()) - (waiting.until.getTime() - waiting.ms));
      waiting = undefined;
      stopTimer();
      if (p.status === 'skipped') return draw();
      if (p.status !== 'already-done') doneHere++;
      const at = `[${p.workDone.toLocaleString('en-US')}/${p.workTotal.toLocaleString('en-US')}]`;
      if (p.status === 'already-done') return draw();
      if (p.status === 'linked') return line(`${at} ${p.step.id} already in Keap as ${p.newId}: linked, nothing sent`);
      const text = `${at} ${p.step.id} ${p.status}${p.newId && p.newId !== p.step.oldId ? ` -> ${p.newId}` : ''}${p.message ? `: ${p.message}` : ''}`;
      if (tty && p.status === 'done') return draw();
      line(text);
    },
    wait(w) {
      // Waits under a second (the per-second limit) are pacing, not news.
      if (w.ms < 1000) return;
      waiting = w;
      if (tty) {
        draw(true);
        stopTimer();
        timer = setInterval(() => {
          if (!waiting || waiting.until.getTime() <= now()) return stopTimer();
          draw(true);
        }, 1000);
        timer.unref();
        return;
      }
      const context = `${workDone.toLocaleString('en-US')}/${workTotal.toLocaleString('en-US')} steps, ${counted(requests(), 'request')}${retries() ? `, ${counted(retries(), 'retry', 'retries')}` : ''}`;
      const left = timeLeft();
      io.err(`${waitText(w)} (${context}${left ? `, ${left}` : ''})`);
    },
    end() {
      stopTimer();
      if (tty) stream.write('\r\u001b[2K');
    },
  };
}

/** 00:00, or 00:00:10 when the time has seconds (an emulator's short day). */
function clock(at: Date): string {
  const iso = at.toISOString();
  return iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
}
