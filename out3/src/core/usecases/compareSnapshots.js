"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareSnapshots = compareSnapshots;
/**
 * Compare two snapshots (or a snapshot and the account read now), pairing records a restore gave
 * new ids through the account's ledger and the restore markers. The CLI's `diff` and the extension's
 * Compare commands both come through here, so both find the same ledger and pair the same records.
 */
const diff_1 = require("../snapshot/diff");
const ledgerIdMap_1 = require("../snapshot/ledgerIdMap");
async function compareSnapshots(input) {
    const ledger = await ledgerIdMap(input);
    const diff = (0, diff_1.diffSnapshots)(input.a, input.b, { ...input.options, idMap: ledger?.idMap });
    return { diff, ledgerFile: ledger?.file };
}
async function ledgerIdMap(input) {
    if (input.ledgerFile !== undefined)
        return { file: input.ledgerFile, idMap: await (0, ledgerIdMap_1.readIdMap)(input.ledgerFile) };
    const file = (0, ledgerIdMap_1.ledgerBeside)(input.fileA, input.a.meta().account, input.ledgerFolders);
    if (!file)
        return undefined;
    try {
        return { file, idMap: await (0, ledgerIdMap_1.readIdMap)(file) };
    }
    catch (err) {
        input.onLedgerWarning?.(`${err.message} Pairing restored records by their markers only.`);
        return undefined;
    }
}
//# sourceMappingURL=compareSnapshots.js.map