"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeNdjson = writeNdjson;
exports.writeJsonDocument = writeJsonDocument;
const exportRecords_1 = require("./exportRecords");
/** One `<entity>.ndjson` file: each record's stored JSON on a line of its own. */
async function writeNdjson(run, entity) {
    const sink = await run.create(`${entity}.ndjson`);
    let rows = 0;
    for (const json of (0, exportRecords_1.recordsOf)(run.db, entity)) {
        run.tick(entity, ++rows);
        if (sink.push(json + '\n'))
            await sink.flush();
    }
    await run.done(sink, entity, entity, rows);
}
/** One `snapshot.json` document: the snapshot's meta, then each entity's records as an array. */
async function writeJsonDocument(run, entities) {
    const sink = await run.create('snapshot.json');
    sink.push(`{\n"meta": ${JSON.stringify(run.db.meta())},\n"entities": {`);
    let total = 0;
    for (const [i, entity] of entities.entries()) {
        sink.push(`${i ? ',' : ''}\n${JSON.stringify(entity)}: [`);
        let rows = 0;
        for (const json of (0, exportRecords_1.recordsOf)(run.db, entity)) {
            run.tick(entity, ++rows);
            if (sink.push((rows > 1 ? ',\n' : '\n') + json))
                await sink.flush();
        }
        sink.push(rows ? '\n]' : ']');
        run.counts[entity] = rows;
        run.options.onProgress?.({ entity, rows });
        total += rows;
    }
    sink.push('\n}\n}\n');
    await run.done(sink, 'snapshot', undefined, total);
}
//# sourceMappingURL=exportJson.js.map