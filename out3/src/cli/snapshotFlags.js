"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SNAPSHOT_KEY_ENV = void 0;
exports.snapshotKey = snapshotKey;
/** Snapshot keys come from the environment only, like Keap credentials. */
const output_1 = require("./output");
exports.SNAPSHOT_KEY_ENV = 'KEAP_VAULT_SNAPSHOT_KEY';
function snapshotKey(required = false, env = process.env) {
    const key = env[exports.SNAPSHOT_KEY_ENV] || undefined;
    if (required && !key)
        throw new output_1.UsageError(`--encrypt needs the key in ${exports.SNAPSHOT_KEY_ENV}`);
    return key;
}
//# sourceMappingURL=snapshotFlags.js.map