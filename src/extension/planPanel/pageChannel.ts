/**
 * Messages from the host to the page. The page listens only after it says `ready`, and stops when
 * the panel is hidden (its page is discarded and reloads when shown): what is said meanwhile waits,
 * except progress, which the state sent in the next `init` carries.
 */
import type * as vscode from 'vscode';
import type { HostToWebview } from '../../webview/protocol';

export class PageChannel {
  private ready = false;
  /** Messages said while the page was not listening; progress is not queued (the state carries it). */
  private queue: HostToWebview[] = [];
  private readyWaiters: Array<() => void> = [];

  constructor(private readonly webview: vscode.Webview) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** The page was hidden or is being (re)loaded: hold messages until it says `ready`. */
  notListening(): void {
    this.ready = false;
  }

  /** Sends now if the page listens, else queues (all but progress). */
  post(message: HostToWebview): void {
    if (this.ready) {
      void this.webview.postMessage(message);
    } else if (message.type !== 'progress') {
      this.queue.push(message);
    }
  }

  /** Sends regardless of `ready` (the `init` answering `ready`, or a re-plan's while the page listens). */
  postNow(message: HostToWebview): void {
    void this.webview.postMessage(message);
  }

  /** The page said `ready`: `init` first, then what waited (a queued init is superseded by it). */
  listening(init: () => HostToWebview): void {
    this.ready = true;
    this.postNow(init());
    const queued = this.queue.filter((m) => m.type !== 'init');
    this.queue = [];
    for (const m of queued) void this.webview.postMessage(m);
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /** Resolves once the page has said `ready` (and so has been sent the plan). */
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }
}
