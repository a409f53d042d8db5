"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_EMULATOR_TOKEN = void 0;
exports.loadEmulatorState = loadEmulatorState;
exports.startEmulator = startEmulator;
/**
 * The Keap emulator's HTTP server: Keap's paths under `/crm/rest`, Keap's gateway behaviour (auth
 * before routing, quota headers, 429 faults), fault injection, and an admin surface under
 * `/__emulator/` that is clearly not Keap's.
 *
 * This module is the request pipeline, in the order Keap's gateway applies it (token, auth, admin,
 * quota, hang hooks, injected faults, the route); each step's details live in ./serving/: the
 * gateway's own answer bodies, the routes dispatch, the admin surface, the request log, hang hooks
 * and the HTTP plumbing.
 */
const node_fs_1 = require("node:fs");
const node_http_1 = __importDefault(require("node:http"));
const auth_1 = require("./auth");
const faults_1 = require("./faults");
const quota_1 = require("./quota");
const routes_1 = require("./routes");
const admin_1 = require("./serving/admin");
const dispatch_1 = require("./serving/dispatch");
const gatewayAnswers_1 = require("./serving/gatewayAnswers");
const hangHook_1 = require("./serving/hangHook");
const requestLog_1 = require("./serving/requestLog");
const wire_1 = require("./serving/wire");
const store_1 = require("./store");
exports.DEFAULT_EMULATOR_TOKEN = 'keap-vault-demo-token';
async function loadEmulatorState(file) {
    return store_1.EmulatorStore.fromState(JSON.parse(await node_fs_1.promises.readFile(file, 'utf8')));
}
async function startEmulator(options = {}) {
    const store = options.store ?? new store_1.EmulatorStore();
    const token = options.token ?? exports.DEFAULT_EMULATOR_TOKEN;
    const gateway = new auth_1.Gateway(token, options.oauth);
    const quota = new quota_1.QuotaKeeper(options.quota ?? quota_1.KEAP_PAT_QUOTA, options.tenantId);
    const faults = new faults_1.FaultInjector(options.faults);
    const router = (0, routes_1.keapRoutes)();
    const log = new requestLog_1.RequestLog(options.requestLogSize ?? 10_000);
    const hangs = new hangHook_1.HangTrap();
    let throttled = 0;
    const sockets = new Set();
    const saveState = async (file = options.stateFile) => {
        if (!file)
            throw new Error('No state file configured');
        const tmp = `${file}.tmp-${process.pid}`;
        await node_fs_1.promises.writeFile(tmp, JSON.stringify(store.toState()));
        await node_fs_1.promises.rename(tmp, file);
    };
    const stats = () => ({
        hung: hangs.hung,
        accepted: quota.accepted,
        throttled,
        faultsInjected: faults.injected,
        maxPerSecond: quota.maxInWindow(1000),
        maxPerMinute: quota.maxInWindow(60_000),
        byRoute: log.byRoute(),
        counts: {
            contacts: store.contacts.size,
            companies: store.companies.size,
            products: store.products.size,
            orders: store.orders.size,
            payments: store.payments.size,
            subscriptions: store.subscriptions.size,
            tags: store.tags.size,
            campaigns: store.campaigns.size,
        },
    });
    const admin = { store, quota, faults, hangs, log, stats, saveState: () => saveState() };
    const server = node_http_1.default.createServer((req, res) => {
        handle(req, res).catch((err) => {
            if (!res.headersSent)
                (0, wire_1.send)(res, 500, { code: 500, message: `Emulator error: ${err.message}`, status: 'INTERNAL', details: [] });
            else
                res.destroy();
        });
    });
    server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });
    async function handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://emulator');
        const method = (req.method ?? 'GET').toUpperCase();
        const raw = await (0, wire_1.readBody)(req);
        if (url.pathname === '/token' && method === 'POST') {
            const answer = gateway.token(req.headers, new URLSearchParams(raw));
            return (0, wire_1.send)(res, answer.status, answer.body);
        }
        const auth = gateway.authenticate(req.headers);
        if (!auth.ok) {
            log.record({ at: new Date().toISOString(), method, path: url.pathname, status: 401 });
            return (0, wire_1.send)(res, 401, auth.fault);
        }
        if (url.pathname.startsWith('/__emulator/'))
            return (0, admin_1.answerAdmin)(admin, method, url, raw, res);
        const decision = quota.admit();
        if (!decision.allowed) {
            throttled++;
            log.record({ at: new Date().toISOString(), method, path: url.pathname, status: 429 });
            const headers = { ...decision.headers, ...(quota.settings.retryAfter ? { 'retry-after': String(decision.retryAfterSeconds) } : {}) };
            return (0, wire_1.send)(res, 429, (0, gatewayAnswers_1.throttledBody)(decision.violation, quota.settings.perSecond), headers);
        }
        const hang = hangs.spring(method, url.pathname.replace(/^\/crm\/rest/, ''));
        if (hang) {
            if (hang === 'after')
                (0, dispatch_1.dispatch)(router, store, { method, url, raw }, {});
            return; // never answered: the connection stays open until the client goes away
        }
        const fault = faults.next();
        const entry = { at: new Date().toISOString(), method, path: url.pathname + url.search, status: 0, fault };
        if (fault === '500' || fault === '502' || fault === '503') {
            entry.status = Number(fault);
            log.record(entry);
            return (0, wire_1.send)(res, Number(fault), (0, gatewayAnswers_1.injectedFailureBody)(fault), decision.headers);
        }
        const answer = (0, dispatch_1.dispatch)(router, store, { method, url, raw }, entry);
        entry.status = answer.status;
        if (options.onExchange) {
            const query = {};
            for (const key of new Set(url.searchParams.keys()))
                query[key] = url.searchParams.getAll(key);
            options.onExchange({
                method,
                path: url.pathname,
                query,
                requestBody: (0, wire_1.safeJson)(raw),
                status: answer.status,
                responseBody: answer.body,
            });
        }
        log.record(entry);
        if (entry.route)
            log.countRoute(entry.route);
        if (fault === 'reset') {
            // Handled, then cut off mid-response: headers and half a body, then the connection drops.
            const payload = JSON.stringify(answer.body ?? {});
            res.writeHead(answer.status, {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(payload)),
                ...decision.headers,
            });
            res.write(payload.slice(0, Math.floor(payload.length / 2)));
            setTimeout(() => res.destroy(), 5);
            return;
        }
        if (fault === 'timeout')
            await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
        return (0, wire_1.send)(res, answer.status, answer.body, decision.headers);
    }
    const listen = (port) => new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, options.host ?? '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    try {
        await listen(options.port ?? 0);
    }
    catch (err) {
        // A default port another program (or another emulator) holds: any free one will do.
        if (err.code !== 'EADDRINUSE' || !options.freePortIfTaken)
            throw err;
        await listen(0);
    }
    const address = server.address();
    const url = `http://${address.address}:${address.port}`;
    return {
        url,
        apiBaseUrl: url + dispatch_1.API_PREFIX,
        token,
        store,
        quota,
        faults,
        stats,
        requests: () => log.list(),
        saveState,
        hangNext: (hook) => hangs.arm(hook),
        close: () => new Promise((resolve) => {
            for (const socket of sockets)
                socket.destroy();
            server.close(() => resolve());
        }),
    };
}
//# sourceMappingURL=server.js.map