"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DATA_DIR_ENV = void 0;
exports.dataDir = dataDir;
exports.dataPaths = dataPaths;
/**
 * Where Keap Vault keeps a user's data when no folder is named: snapshots (customer data), restore
 * plans and ledgers, the emulator's saved account. A per-user folder outside any project, so nothing
 * lands in a working directory where it could be committed.
 *
 *   KEAP_VAULT_DATA_DIR, if set (a relative path is taken from the working directory)
 *   Linux and others: $XDG_DATA_HOME/keap-vault (an absolute XDG_DATA_HOME), else ~/.local/share/keap-vault
 *   macOS:            ~/Library/Application Support/keap-vault
 *   Windows:          %LOCALAPPDATA%\keap-vault, else ~\AppData\Local\keap-vault
 *
 * Machine state that is not data (the apply lock) has its own place: `stateDir` in restore/lock.ts.
 */
const node_os_1 = __importDefault(require("node:os"));
const node_path_1 = __importDefault(require("node:path"));
exports.DATA_DIR_ENV = 'KEAP_VAULT_DATA_DIR';
/** The data folder itself (not created here: the command that writes creates what it needs). */
function dataDir({ env = process.env, platform = process.platform, home, cwd = process.cwd() } = {}) {
    const override = env[exports.DATA_DIR_ENV];
    if (override)
        return node_path_1.default.resolve(cwd, override);
    const userHome = home ?? node_os_1.default.homedir();
    const p = platform === 'win32' ? node_path_1.default.win32 : node_path_1.default.posix;
    if (platform === 'win32')
        return p.join(env.LOCALAPPDATA || p.join(userHome, 'AppData', 'Local'), 'keap-vault');
    if (platform === 'darwin')
        return p.join(userHome, 'Library', 'Application Support', 'keap-vault');
    // The XDG spec: a relative XDG_DATA_HOME is invalid and is ignored.
    const xdg = env.XDG_DATA_HOME && p.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : p.join(userHome, '.local', 'share');
    return p.join(xdg, 'keap-vault');
}
/** The folders inside it, one per kind of file. */
function dataPaths(context = {}) {
    const root = dataDir(context);
    return {
        root,
        /** Snapshots and, beside them, each account's restore ledger. */
        snapshots: node_path_1.default.join(root, 'snapshots'),
        /** Restore plans made by `keap-vault plan`. */
        plans: node_path_1.default.join(root, 'plans'),
        /** The emulator's saved account (`keap-vault emulator --state`). */
        emulator: node_path_1.default.join(root, 'emulator'),
    };
}
//# sourceMappingURL=dataDir.js.map