"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.neutralise = exports.flattenRecord = exports.csvField = exports.safeJoin = exports.ExportPathError = exports.ExportFormatError = exports.ExportExistsError = exports.ExportError = exports.ExportEntityError = exports.ExportCancelledError = exports.EXPORT_FORMATS = void 0;
exports.exportSnapshot = exportSnapshot;
/**
 * Exports a snapshot to files people and other tools can read: one JSON document, NDJSON per
 * entity, or CSV per entity. Rows stream from the snapshot's cursor into write streams with
 * backpressure, so memory does not grow with the number of rows.
 *
 * Files are written under temporary names inside `outDir` and renamed only once every file of the
 * export is complete: a failed or cancelled export leaves nothing under a final name. File names
 * come from entity names only (never from data) and are checked to stay inside `outDir`. Files are
 * created 0600, like snapshots, since they hold personal data.
 *
 * Entities: by default the captured ones (Keap's records as returned). The derived tables
 * (order_items, subscription_plans, contact_tags) copy data already inline in their parent; they are
 * exported only when asked for, each record with its parent's id added under the parent column
 * name (`order_id`, `product_id`, `contact_id`), as the stored JSON alone does not say whose it is.
 *
 * This module checks the request and runs the export; the parts live beside it: exportTypes.ts
 * (options and result), exportErrors.ts, exportRun.ts (the files of one export, committed
 * together), exportFiles.ts (safe names, 0600 streams, no-clobber renames), exportRecords.ts (the
 * records read, derived ones with their parent's id), and one module per format: exportJson.ts
 * (JSON document, NDJSON) and exportCsv.ts (CSV, with its rules). Everything is re-exported here,
 * so callers import from './export'.
 */
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const entities_1 = require("./entities");
const exportCsv_1 = require("./exportCsv");
const exportErrors_1 = require("./exportErrors");
const exportFiles_1 = require("./exportFiles");
const exportJson_1 = require("./exportJson");
const exportRun_1 = require("./exportRun");
const exportTypes_1 = require("./exportTypes");
var exportTypes_2 = require("./exportTypes");
Object.defineProperty(exports, "EXPORT_FORMATS", { enumerable: true, get: function () { return exportTypes_2.EXPORT_FORMATS; } });
var exportErrors_2 = require("./exportErrors");
Object.defineProperty(exports, "ExportCancelledError", { enumerable: true, get: function () { return exportErrors_2.ExportCancelledError; } });
Object.defineProperty(exports, "ExportEntityError", { enumerable: true, get: function () { return exportErrors_2.ExportEntityError; } });
Object.defineProperty(exports, "ExportError", { enumerable: true, get: function () { return exportErrors_2.ExportError; } });
Object.defineProperty(exports, "ExportExistsError", { enumerable: true, get: function () { return exportErrors_2.ExportExistsError; } });
Object.defineProperty(exports, "ExportFormatError", { enumerable: true, get: function () { return exportErrors_2.ExportFormatError; } });
Object.defineProperty(exports, "ExportPathError", { enumerable: true, get: function () { return exportErrors_2.ExportPathError; } });
var exportFiles_2 = require("./exportFiles");
Object.defineProperty(exports, "safeJoin", { enumerable: true, get: function () { return exportFiles_2.safeJoin; } });
var exportCsv_2 = require("./exportCsv");
Object.defineProperty(exports, "csvField", { enumerable: true, get: function () { return exportCsv_2.csvField; } });
Object.defineProperty(exports, "flattenRecord", { enumerable: true, get: function () { return exportCsv_2.flattenRecord; } });
Object.defineProperty(exports, "neutralise", { enumerable: true, get: function () { return exportCsv_2.neutralise; } });
async function exportSnapshot(db, options) {
    const { signal } = options;
    signal?.throwIfAborted();
    const entities = checkedEntities(options.entities);
    const outDir = node_path_1.default.resolve(options.outDir);
    const names = fileNames(options.format, entities);
    const targets = names.map((name) => (0, exportFiles_1.safeJoin)(outDir, name));
    await node_fs_1.promises.mkdir(outDir, { recursive: true });
    if (!options.overwrite)
        for (const target of targets)
            await (0, exportFiles_1.refuseExisting)(target);
    const run = new exportRun_1.ExportRun(db, outDir, options);
    try {
        if (options.format === 'json')
            await (0, exportJson_1.writeJsonDocument)(run, entities);
        else {
            for (const entity of entities)
                await (options.format === 'csv' ? (0, exportCsv_1.writeCsv)(run, entity) : (0, exportJson_1.writeNdjson)(run, entity));
            if (options.format === 'ndjson')
                await run.writeText('meta', 'meta.json', JSON.stringify(db.meta(), null, 2) + '\n', 1);
        }
        signal?.throwIfAborted();
        await run.commit(!!options.overwrite);
    }
    catch (err) {
        await run.discard();
        if (signal?.aborted)
            throw signal.reason;
        throw err;
    }
    return { files: run.files, counts: run.counts };
}
function checkedEntities(requested) {
    if (requested === undefined)
        return [...entities_1.CAPTURED_ENTITIES];
    const unknown = requested.filter((e) => !entities_1.SNAPSHOT_ENTITIES.includes(e));
    if (unknown.length) {
        throw new exportErrors_1.ExportEntityError(`Unknown entit${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((e) => `'${e}'`).join(', ')}; a snapshot has ${entities_1.SNAPSHOT_ENTITIES.join(', ')}.`);
    }
    if (!requested.length)
        throw new exportErrors_1.ExportEntityError('No entities to export.');
    return [...new Set(requested)];
}
function fileNames(format, entities) {
    switch (format) {
        case 'json':
            return ['snapshot.json'];
        case 'ndjson':
            return [...entities.map((e) => `${e}.ndjson`), 'meta.json'];
        case 'csv':
            return entities.map((e) => `${e}.csv`);
        default:
            throw new exportErrors_1.ExportFormatError(`Unknown export format '${String(format)}'; use ${exportTypes_1.EXPORT_FORMATS.join(', ')}.`);
    }
}
//# sourceMappingURL=export.js.map