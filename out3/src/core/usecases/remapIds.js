"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.remapIds = remapIds;
/**
 * Stale Keap ids in a working tree, for pipelines (`keap-vault remap`): every file under the paths
 * given is scanned for ids an applied restore re-created under new ids (or could not restore), and
 * with `write` rewritten in place, one file at a time, atomically, keeping its permissions. A file
 * is never written when its rewrite would not read back (see integration/rewrite.ts), nor when it
 * changed on disk while it was being read.
 */
const node_fs_1 = require("node:fs");
const atomicWrite_1 = require("../fs/atomicWrite");
const fileWalk_1 = require("../integration/fileWalk");
const rewrite_1 = require("../integration/rewrite");
const unifiedDiff_1 = require("../integration/unifiedDiff");
async function remapIds(paths, table, options = {}) {
    const report = { scanned: 0, skipped: [], files: [] };
    const name = options.displayName ?? ((f) => f);
    for await (const item of (0, fileWalk_1.walkFiles)(paths, options)) {
        if ('skipped' in item) {
            report.skipped.push({ file: item.file, why: item.skipped });
            continue;
        }
        const bytes = await node_fs_1.promises.readFile(item.file);
        const result = (0, rewrite_1.rewriteBytes)(bytes, table, item.file);
        if (!result) {
            report.skipped.push({ file: item.file, why: 'binary' });
            continue;
        }
        report.scanned++;
        if ('refused' in result) {
            // Listed all the same; only the write is refused.
            report.files.push({ file: item.file, stale: result.stale, edits: [], refused: { reason: result.refused, message: result.message } });
            continue;
        }
        if (!result.stale.length)
            continue;
        const entry = { file: item.file, stale: result.stale, edits: [] };
        report.files.push(entry);
        if (!options.write || !result.edits.length)
            continue;
        const before = await node_fs_1.promises.stat(item.file);
        const now = await node_fs_1.promises.readFile(item.file);
        if (!now.equals(bytes)) {
            entry.refused = { reason: 'changed', message: 'it changed on disk while it was being read: run again' };
            continue;
        }
        await (0, atomicWrite_1.writeFileAtomic)(item.file, result.bytes, { mode: before.mode });
        entry.edits = result.edits;
        entry.diff = (0, unifiedDiff_1.unifiedDiff)(result.before, result.text, `a/${name(item.file)}`, `b/${name(item.file)}`);
    }
    return report;
}
//# sourceMappingURL=remapIds.js.map