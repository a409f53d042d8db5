"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.clientFromFlags = clientFromFlags;
/**
 * Where the CLI finds Keap and its credential: `--url` or KEAP_API_URL (Keap's own API by default),
 * and the key from the environment only (KEAP_API_KEY, or the variable `--token-env` names), so it
 * never appears in shell history or process listings.
 */
const baseUrl_1 = require("../core/keap/baseUrl");
const client_1 = require("../core/keap/client");
const transport_1 = require("../core/keap/transport");
const transportLog_1 = require("../core/keap/transportLog");
const output_1 = require("./output");
function clientFromFlags(flags, env = process.env, log = (line) => process.stderr.write(`${line}\n`)) {
    const baseUrl = flags.url ?? env.KEAP_API_URL ?? transport_1.KEAP_API_BASE_URL;
    const tokenEnv = flags.tokenEnv ?? 'KEAP_API_KEY';
    const key = env[tokenEnv];
    if (!key) {
        throw new output_1.UsageError(`No Keap credential: set ${tokenEnv} to a personal access token or service account key (for the emulator, the token it printed at start).`);
    }
    let checked;
    try {
        checked = (0, baseUrl_1.checkedBaseUrl)(baseUrl);
    }
    catch (err) {
        throw new output_1.UsageError(err.message);
    }
    return new client_1.KeapClient({
        baseUrl: checked,
        credential: { kind: 'api-key', key, asBearer: flags.bearer },
        throttle: flags.unlimited ? 'unlimited' : undefined,
        onEvent: flags.verbose ? (event) => log(`keap-vault: ${(0, transportLog_1.describeTransportEvent)(event).text}`) : undefined,
    });
}
//# sourceMappingURL=connection.js.map