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
