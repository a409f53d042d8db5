"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConnectionStore = exports.DEMO_CONNECTION_ID = void 0;
/**
 * Connections: a name and an API base URL kept in the extension's global state; the credential
 * only ever in SecretStorage. The built-in demo connection runs the Keap emulator in-process.
 */
const node_crypto_1 = require("node:crypto");
const vscode = __importStar(require("vscode"));
const transportLog_1 = require("../../core/keap/transportLog");
const client_1 = require("../../core/keap/client");
const baseUrl_1 = require("../../core/keap/baseUrl");
const transport_1 = require("../../core/keap/transport");
const demoAccount_1 = require("../demoAccount");
const userError_1 = require("../userError");
exports.DEMO_CONNECTION_ID = 'demo';
const STATE_KEY = 'keapVault.connections';
const secretKey = (id) => `keapVault.credential.${id}`;
/** Keap's quota as the settings give it (defaults: a personal access token's); Keap's headers refine it. */
function quotaWindows() {
    const config = vscode.workspace.getConfiguration('keapVault.quota');
    const windows = [
        { limit: config.get('requestsPerSecond', 10), windowMs: 1000 },
        { limit: config.get('requestsPerMinute', 240), windowMs: 60_000 },
        { limit: config.get('requestsPerDay', 30_000), windowMs: 86_400_000 },
    ];
    return windows.filter((w) => Number.isFinite(w.limit) && w.limit > 0);
}
class ConnectionStore {
    state;
    secrets;
    log;
    changed = new vscode.EventEmitter();
    onDidChange = this.changed.event;
    demo;
    clients = new Map();
    /** What Keap or the secret store last said about a connection's credential (nothing: it works, as far as we know). */
    problems = new Map();
    healthChanged = new vscode.EventEmitter();
    /** A connection's credential was refused, found missing, or works again: the tree and the status bar say so. */
    onDidChangeHealth = this.healthChanged.event;
    lastUsed;
    used = new vscode.EventEmitter();
    /** Another connection than the last one was asked for a client: the one the user now works with. */
    onDidUse = this.used.event;
    constructor(state, secrets, log) {
        this.state = state;
        this.secrets = secrets;
        this.log = log;
    }
    list() {
        return this.state.get(STATE_KEY, []);
    }
    get(id) {
        return this.list().find((c) => c.id === id);
    }
    async add(name, baseUrl = transport_1.KEAP_API_BASE_URL) {
        const url = (0, baseUrl_1.checkedBaseUrl)(baseUrl);
        const connection = { id: `c${Date.now().toString(36)}`, name: name.trim() || new URL(url).host, baseUrl: url };
        await this.state.update(STATE_KEY, [...this.list(), connection]);
        this.changed.fire();
        return connection;
    }
    /**
     * Renames a connection or points it at another URL. Another host means another account and maybe
     * another party: its account is learnt again and the stored credential is cleared, never sent there.
     */
    async edit(id, changes) {
        const known = this.get(id);
        if (!known)
            throw new userError_1.UserError('gone', `No connection ${id}`);
        if (known.demo)
            throw new userError_1.UserError('not-possible', 'The demo connection cannot be edited.');
        const baseUrl = changes.baseUrl !== undefined ? (0, baseUrl_1.checkedBaseUrl)(changes.baseUrl) : known.baseUrl;
        const otherHost = new URL(baseUrl).host !== new URL(known.baseUrl).host;
        const edited = {
            ...known,
            name: changes.name?.trim() || known.name,
            baseUrl,
            account: baseUrl === known.baseUrl ? known.account : undefined,
        };
        await this.state.update(STATE_KEY, this.list().map((c) => (c.id === id ? edited : c)));
        if (otherHost)
            await this.secrets.delete(secretKey(id));
        this.clients.delete(id);
        this.noteProblem(id, undefined); // another URL: what the old one refused says nothing about it
        this.changed.fire();
        return { connection: edited, credentialCleared: otherHost };
    }
    async remove(id) {
        await this.state.update(STATE_KEY, this.list().filter((c) => c.id !== id));
        await this.secrets.delete(secretKey(id));
        this.clients.delete(id);
        this.problems.delete(id);
        if (id === exports.DEMO_CONNECTION_ID)
            await this.stopDemo();
        this.changed.fire();
    }
    async noteAccount(id, account) {
        const list = this.list();
        if (!list.some((c) => c.id === id && c.account !== account))
            return;
        await this.state.update(STATE_KEY, list.map((c) => (c.id === id ? { ...c, account } : c)));
        this.changed.fire();
    }
    async setCredential(id, credential) {
        this.clients.delete(id);
        await this.secrets.store(secretKey(id), credential.trim());
        this.noteProblem(id, undefined); // a new credential: not refused until Keap says so
        this.changed.fire();
    }
    async clearCredential(id) {
        this.clients.delete(id);
        await this.secrets.delete(secretKey(id));
        this.noteProblem(id, 'no-credential');
        this.changed.fire();
    }
    async hasCredential(id) {
        return !!(await this.secrets.get(secretKey(id)));
    }
    /**
     * Why a connection cannot reach its account, if we know: Keap refused its credential (until a request
     * succeeds or a new one is set), or it has none. The demo's credential is the emulator's, set when it starts.
     */
    async problem(id) {
        const known = this.problems.get(id);
        if (known || id === exports.DEMO_CONNECTION_ID)
            return known;
        return (await this.hasCredential(id)) ? undefined : 'no-credential';
    }
    /** The connections Keap refused or that have no credential, as known without asking Keap. */
    async withProblems() {
        const problems = await Promise.all(this.list().map(async (c) => ((await this.problem(c.id)) ? c : undefined)));
        return problems.filter((c) => !!c);
    }
    noteProblem(id, problem) {
        if (this.problems.get(id) === problem)
            return;
        if (problem)
            this.problems.set(id, problem);
        else
            this.problems.delete(id);
        this.healthChanged.fire();
    }
    /**
     * Starts (once) the emulator behind the demo connection and records the connection. Global state,
     * the secret and the change event are written only when the emulator has just started: listeners
     * refresh the tree, which asks for clients again.
     */
    async ensureDemo() {
        if (!this.demo) {
            const starting = loadEmulator().then(({ startSeededEmulator }) => startSeededEmulator({ seed: demoAccount_1.DEMO_ACCOUNT.seed, size: demoAccount_1.DEMO_ACCOUNT.size, port: 0, plant: demoAccount_1.DEMO_ACCOUNT.plant }));
            this.demo = starting;
            starting.catch(() => {
                if (this.demo === starting)
                    this.demo = undefined; // a failed start may be tried again
            });
        }
        const emulator = await this.demo;
        const known = this.get(exports.DEMO_CONNECTION_ID);
        if (known?.baseUrl === emulator.apiBaseUrl)
            return known;
        this.log.info(`Keap emulator (demo) listening on ${emulator.apiBaseUrl}`);
        const connection = {
            ...known,
            id: exports.DEMO_CONNECTION_ID,
            name: 'Keap emulator (demo)',
            baseUrl: emulator.apiBaseUrl,
            demo: true,
        };
        const others = this.list().filter((c) => c.id !== exports.DEMO_CONNECTION_ID);
        await this.state.update(STATE_KEY, [connection, ...others]);
        await this.secrets.store(secretKey(exports.DEMO_CONNECTION_ID), emulator.token);
        this.changed.fire();
        return connection;
    }
    demoEmulator() {
        return this.demo;
    }
    /**
     * The client of a connection. One per connection and credential, so that everything this window
     * does with an account (tree paging, a snapshot, an apply) shares one throttle and stays inside
     * Keap's quota together. The demo's emulator is started when needed (its port changes per session).
     */
    async client(id) {
        if (this.lastUsed !== id) {
            this.lastUsed = id;
            this.used.fire(id);
        }
        let connection = this.get(id);
        if (id === exports.DEMO_CONNECTION_ID)
            connection = await this.ensureDemo();
        if (!connection)
            throw new userError_1.UserError('gone', `No connection ${id}`);
        const key = await this.secrets.get(secretKey(id));
        if (!key) {
            this.noteProblem(id, 'no-credential');
            throw new userError_1.UserError('not-configured', `No credential for ${connection.name}: set one with "Keap Vault: Set Credential…".`, 'set-credential');
        }
        const windows = quotaWindows();
        // The cache key holds a hash of the credential, never the credential itself.
        const fingerprint = (0, node_crypto_1.createHash)('sha256')
            .update(`${connection.baseUrl}\n${key}\n${JSON.stringify(windows)}`)
            .digest('hex');
        const cached = this.clients.get(id);
        if (cached?.fingerprint === fingerprint)
            return cached.client;
        const client = new client_1.KeapClient({
            baseUrl: connection.baseUrl,
            credential: { kind: 'api-key', key },
            throttle: { windows },
            // Waits, retries and 429s show in the Output channel; ordinary answers at debug level.
            onEvent: (event) => {
                const line = (0, transportLog_1.describeTransportEvent)(event);
                this.log[line.level](`${connection.name}: ${line.text}`);
                // A 401 that is not retried (an OAuth refresh is) is Keap refusing the credential; any answer in 2xx, accepting it.
                if (event.status === 401 && event.retryInMs === undefined)
                    this.noteProblem(id, 'refused');
                else if (event.status !== undefined && event.status < 300)
                    this.noteProblem(id, undefined);
            },
        });
        this.clients.set(id, { fingerprint, client });
        return client;
    }
    async stopDemo() {
        const demo = this.demo;
        this.demo = undefined;
        this.clients.delete(exports.DEMO_CONNECTION_ID);
        try {
            await (await demo)?.close();
        }
        catch (err) {
            this.log.warn(`Stopping the demo emulator: ${err.message}`);
        }
    }
    dispose() {
        void this.stopDemo();
        this.changed.dispose();
        this.healthChanged.dispose();
        this.used.dispose();
    }
}
exports.ConnectionStore = ConnectionStore;
/**
 * The emulator (and its account generator) is a bundle of its own, dist/emulator.js, loaded only
 * when the demo starts: a user who never opens the demo never loads it (see esbuild.js).
 */
function loadEmulator() {
    return Promise.resolve().then(() => __importStar(require('../../emulator')));
}
//# sourceMappingURL=connections.js.map