"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Loaded by mocha before any test (.mocharc.json `require`): the apply lock and other per-user
 * state, and the data a command writes when given no folder (snapshots, plans, ledgers), go to
 * fresh folders, not the developer's own state and data directories. Child processes (the CLI
 * under test) inherit them through the environment.
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = __importDefault(require("node:path"));
process.env.KEAP_VAULT_STATE_DIR ??= (0, node_fs_1.mkdtempSync)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'keap-vault-state-'));
process.env.KEAP_VAULT_DATA_DIR ??= (0, node_fs_1.mkdtempSync)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'keap-vault-data-'));
//# sourceMappingURL=stateDir.js.map