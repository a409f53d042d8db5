"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.EMULATOR_PORT = void 0;
exports.registerEmulatorCommand = registerEmulatorCommand;
exports.intFlag = intFlag;
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const dataDir_1 = require("../../core/fs/dataDir");
const emulator_1 = require("../../emulator");
const faults_1 = require("../../emulator/faults");
const generator_1 = require("../../emulator/generator");
const output_1 = require("../output");
/**
 * The emulator's port unless told otherwise: the same on every start, so an exported KEAP_API_URL
 * keeps working across restarts.
 */
exports.EMULATOR_PORT = 8720;
function registerEmulatorCommand(program, io) {
    program
        .command('emulator')
        .description('run the built-in Keap emulator (Keap REST v2 on loopback, seeded demo data)')
        .option('--host <host>', 'address to listen on', '127.0.0.1')
        .option('--port <port>', `port (default ${exports.EMULATOR_PORT}, or a free one when that is taken; 0: always a free one)`)
        .option('--seed <seed>', 'seed of the generated account', '1')
        .option('--size <contacts>', 'contacts to generate (other records scale from it)', '200')
        .option('--token <token>', 'the personal access token the emulator accepts', emulator_1.DEFAULT_EMULATOR_TOKEN)
        .option('--quota <preset>', "quota preset: 'keap' (10/s, 240/min, 30,000/day) or 'unlimited'", 'keap')
        .option('--per-second <n>', 'override the per-second limit')
        .option('--per-minute <n>', 'override the per-minute limit')
        .option('--per-day <n>', 'override the per-day limit')
        .option('--day-seconds <n>', "make the emulator's day this many seconds: the daily quota resets that often (to try an apply across days)")
        .option('--retry-after', 'send Retry-After on 429 (Keap does not document it)')
        .option('--state [file]', `load the account from this file if it exists, else generate and save it there; saved again on exit (no file: ${defaultStateFile()})`)
        .option('--faults <rate>', 'fraction of requests that fail (0..1)')
        .option('--fault-kinds <list>', `comma list of ${faults_1.ALL_FAULT_KINDS.join(', ')}`)
        .option('--fault-seed <seed>', 'seed of the fault sequence', '1')
        .option('--plant <list>', `plant integrity problems, e.g. orphan-order=2,duplicate-order=1 (${generator_1.PLANTED_PROBLEM_KINDS.join(', ')})`)
        .option('--json', 'print the connection details as JSON')
        .action(async (flags) => {
        const stateFile = flags.state === true ? defaultStateFile() : flags.state;
        if (stateFile)
            await node_fs_1.promises.mkdir(node_path_1.default.dirname(node_path_1.default.resolve(stateFile)), { recursive: true });
        const emulator = await (0, emulator_1.startSeededEmulator)({
            host: flags.host,
            port: flags.port === undefined ? exports.EMULATOR_PORT : intFlag(flags.port, '--port'),
            freePortIfTaken: flags.port === undefined,
            seed: flags.seed,
            size: intFlag(flags.size, '--size'),
            token: flags.token,
            quota: quotaFromFlags(flags),
            faults: flags.faults === undefined
                ? undefined
                : {
                    rate: Number(flags.faults),
                    seed: flags.faultSeed,
                    kinds: flags.faultKinds?.split(',').map((k) => k.trim()),
                },
            stateFile,
            plant: flags.plant === undefined ? undefined : plantFromFlag(flags.plant),
        });
        const details = {
            url: emulator.url,
            apiBaseUrl: emulator.apiBaseUrl,
            token: emulator.token,
            counts: emulator.stats().counts,
            planted: emulator.generated?.planted ?? [],
        };
        const port = Number(new URL(emulator.url).port);
        if (flags.port === undefined && port !== exports.EMULATOR_PORT)
            io.err(`Port ${exports.EMULATOR_PORT} is taken (another emulator?): listening on ${port} instead; use the export line below.`);
        if (flags.json)
            (0, output_1.printJson)(io, details);
        else {
            io.out(`Keap emulator listening on ${emulator.apiBaseUrl}`);
            io.out(`Accepted token: ${emulator.token}  (send as X-Keap-API-Key or Authorization: Bearer)`);
            io.out(`Account: ${Object.entries(details.counts)
                .map(([k, v]) => (0, output_1.countedEntity)(v, k))
                .join(', ')}`);
            if (stateFile)
                io.out(`Account kept in ${stateFile} (saved again when the emulator stops).`);
            const quota = quotaFromFlags(flags);
            if (quota.dayMs)
                io.out(`A day lasts ${quota.dayMs / 1000} s here: the daily quota${quota.perDay ? ` of ${quota.perDay.toLocaleString('en-US')}` : ''} resets that often.`);
            io.out(`Use it:  export KEAP_API_URL=${emulator.apiBaseUrl} KEAP_API_KEY=${emulator.token}`);
            io.out('Press Ctrl+C to stop.');
        }
        await new Promise((resolve) => {
            const stop = () => resolve();
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
        });
        if (stateFile)
            await emulator.saveState();
        await emulator.close();
    });
}
/** Where `--state` without a file keeps the emulated account: the data folder, not the working directory. */
function defaultStateFile() {
    return node_path_1.default.join((0, dataDir_1.dataPaths)().emulator, 'account.json');
}
function quotaFromFlags(flags) {
    const presets = { keap: emulator_1.KEAP_PAT_QUOTA, unlimited: emulator_1.UNLIMITED_QUOTA };
    const base = presets[flags.quota];
    if (!base)
        throw new output_1.UsageError(`--quota must be 'keap' or 'unlimited'`);
    return {
        ...base,
        ...(flags.perSecond !== undefined ? { perSecond: intFlag(flags.perSecond, '--per-second') } : {}),
        ...(flags.perMinute !== undefined ? { perMinute: intFlag(flags.perMinute, '--per-minute') } : {}),
        ...(flags.perDay !== undefined ? { perDay: intFlag(flags.perDay, '--per-day') } : {}),
        ...(flags.daySeconds !== undefined ? { dayMs: positive(intFlag(flags.daySeconds, '--day-seconds'), '--day-seconds') * 1000 } : {}),
        retryAfter: flags.retryAfter ?? false,
    };
}
function plantFromFlag(value) {
    const plant = {};
    for (const part of value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [kind, count = '1'] = part.split('=');
        if (!generator_1.PLANTED_PROBLEM_KINDS.includes(kind))
            throw new output_1.UsageError(`--plant: unknown problem '${kind}'; use ${generator_1.PLANTED_PROBLEM_KINDS.join(', ')}`);
        plant[kind] = intFlag(count, `--plant ${kind}`);
    }
    return plant;
}
function positive(n, name) {
    if (n <= 0)
        throw new output_1.UsageError(`${name} must be at least 1`);
    return n;
}
function intFlag(value, name) {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
        throw new output_1.UsageError(`${name} must be a whole number, got '${value}'`);
    return n;
}
//# sourceMappingURL=emulator.js.map