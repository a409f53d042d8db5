/**
 * Progress of long core work, for any front end (a VS Code progress bar, a terminal line): how far
 * it is (`done` of `total`, in the work's own unit) and what it is doing now, said for people.
 */
export interface WorkProgress {
  /** What is happening now: "Verifying", "Rule 3 of 16: Payment without an order". */
  step: string;
  done: number;
  total: number;
  /** What `done` and `total` count. */
  unit: 'bytes' | 'rules';
}

export type ProgressListener = (progress: WorkProgress) => void;

/** What long core work accepts from its caller: where to report, and a way to stop it. */
export interface WorkControl {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

/** "Reading and verifying 412 of 1,650 MiB (25%)", "Rule 3 of 16: Payment without an order (12%)": for a progress line or bar. */
export function describeProgress(p: WorkProgress): string {
  const percent = p.total ? Math.floor((p.done / p.total) * 100) : 100;
  const amount = p.unit === 'bytes' ? ` ${mib(p.done)} of ${mib(p.total)} MiB` : '';
  return `${p.step}${amount} (${percent}%)`;
}

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024).toLocaleString('en-US');
