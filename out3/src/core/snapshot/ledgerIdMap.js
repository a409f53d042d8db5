"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ledgerBeside = ledgerBeside;
exports.readIdMap = readIdMap;
/**
 * The id map a compare reads to recognise restores: the account's restore ledger, which the CLI
 * and the extension keep beside the snapshots (`keap-<account>.kvledger`).
 */
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const ledger_1 = require("../restore/ledger");
/** The ledger of `account` in the folder of `snapshotFile` (else in the first of `elsewhere` that has one), if any. */
function ledgerBeside(snapshotFile, account, elsewhere = []) {
    for (const folder of [node_path_1.default.dirname(node_path_1.default.resolve(snapshotFile)), ...elsewhere]) {
        const file = (0, ledger_1.ledgerFileFor)(folder, account);
        if ((0, node_fs_1.existsSync)(file))
            return file;
    }
    return undefined;
}
/** Old id -> new id of every record restores created; only reads the ledger (and its journal). */
async function readIdMap(ledgerFile) {
    const ledger = await ledger_1.Ledger.open(ledgerFile);
    try {
        return ledger.idMap();
    }
    finally {
        ledger.close();
    }
}
//# sourceMappingURL=ledgerIdMap.js.map