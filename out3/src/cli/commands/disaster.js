"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DisasterRefusedError = void 0;
exports.registerDisasterCommand = registerDisasterCommand;
const axios_1 = __importDefault(require("axios"));
const errors_1 = require("../../core/errors");
const disasters_1 = require("../../emulator/disasters");
const output_1 = require("../output");
/** The emulator answered the disaster request with a refusal (its message is in this one). Nothing was lost. */
class DisasterRefusedError extends errors_1.KeapVaultError {
    kind = 'emulator-refused';
}
exports.DisasterRefusedError = DisasterRefusedError;
/** Talks to a running emulator's admin path; refuses anything that is not loopback (never real Keap). */
function registerDisasterCommand(program, io) {
    program
        .command('disaster')
        .description(`lose data in a running emulator, for demos and tests: ${disasters_1.DISASTER_KINDS.join(', ')}`)
        .argument('<kind>', 'what to lose')
        .option('--fraction <f>', 'fraction of the candidates (0..1)')
        .option('--count <n>', 'how many of the candidates')
        .option('--ids <list>', 'exactly these ids (comma list)')
        .option('--seed <seed>', 'which ones (deterministic)', '1')
        .option('--json', 'machine-readable output')
        .action(async (kind, flags, command) => {
        if (!disasters_1.DISASTER_KINDS.includes(kind))
            throw new output_1.UsageError(`Unknown disaster '${kind}': use one of ${disasters_1.DISASTER_KINDS.join(', ')}`);
        const globals = command.optsWithGlobals();
        const apiUrl = globals.url ?? process.env.KEAP_API_URL;
        if (!apiUrl)
            throw new output_1.UsageError('Set KEAP_API_URL (or --url) to the emulator printed at start');
        const url = new URL(apiUrl);
        if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
            throw new output_1.UsageError('disaster only talks to an emulator on this machine');
        const key = process.env[globals.tokenEnv ?? 'KEAP_API_KEY'];
        const res = await axios_1.default.post(`${url.origin}/__emulator/disasters/${kind}`, {
            fraction: flags.fraction === undefined ? undefined : Number(flags.fraction),
            count: flags.count === undefined ? undefined : Number(flags.count),
            ids: flags.ids
                ?.split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            seed: flags.seed,
        }, { headers: { 'X-Keap-API-Key': key ?? '' }, proxy: false, validateStatus: () => true });
        if (res.status !== 200)
            throw new DisasterRefusedError(`The emulator refused: ${res.data?.message ?? res.data?.fault?.faultstring ?? res.status}`);
        if (flags.json)
            return (0, output_1.printJson)(io, res.data);
        const affected = Object.entries(res.data.affected);
        // corrupt-* changes records in place; the other kinds delete them.
        const [done, none] = kind.startsWith('corrupt-') ? ['Changed', 'nothing changed'] : ['Lost', 'nothing lost'];
        io.out(affected.length
            ? `${done}: ${affected.map(([entity, ids]) => (0, output_1.countedEntity)(ids.length, entity)).join(', ')}`
            : `Nothing matched; ${none}.`);
    });
}
//# sourceMappingURL=disaster.js.map