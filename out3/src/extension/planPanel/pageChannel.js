"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PageChannel = void 0;
class PageChannel {
    webview;
    ready = false;
    /** Messages said while the page was not listening; progress is not queued (the state carries it). */
    queue = [];
    readyWaiters = [];
    constructor(webview) {
        this.webview = webview;
    }
    get isReady() {
        return this.ready;
    }
    /** The page was hidden or is being (re)loaded: hold messages until it says `ready`. */
    notListening() {
        this.ready = false;
    }
    /** Sends now if the page listens, else queues (all but progress). */
    post(message) {
        if (this.ready) {
            void this.webview.postMessage(message);
        }
        else if (message.type !== 'progress') {
            this.queue.push(message);
        }
    }
    /** Sends regardless of `ready` (the `init` answering `ready`, or a re-plan's while the page listens). */
    postNow(message) {
        void this.webview.postMessage(message);
    }
    /** The page said `ready`: `init` first, then what waited (a queued init is superseded by it). */
    listening(init) {
        this.ready = true;
        this.postNow(init());
        const queued = this.queue.filter((m) => m.type !== 'init');
        this.queue = [];
        for (const m of queued)
            void this.webview.postMessage(m);
        for (const resolve of this.readyWaiters.splice(0))
            resolve();
    }
    /** Resolves once the page has said `ready` (and so has been sent the plan). */
    whenReady() {
        return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
    }
}
exports.PageChannel = PageChannel;
//# sourceMappingURL=pageChannel.js.map