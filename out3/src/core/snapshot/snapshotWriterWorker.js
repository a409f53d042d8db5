"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The snapshot writer's thread (see snapshotWriter.ts): one SnapshotDb, fed page by page.
 * Requests are handled in the order they arrive, each to the end before the next.
 */
const node_worker_threads_1 = require("node:worker_threads");
const grownArrays_1 = require("./grownArrays");
const snapshotDb_1 = require("./snapshotDb");
const port = node_worker_threads_1.parentPort;
if (port) {
    const db = snapshotDb_1.SnapshotDb.create();
    const grown = new grownArrays_1.GrownArrays();
    port.on('message', (request) => {
        void db.then((snapshot) => {
            try {
                if (request.type === 'insert') {
                    snapshot.insertPrepared(request.entity, request.rows, request.jsons);
                    reply({ id: request.id, ok: true });
                    void grown.collectIfGrown(); // after the page is answered; a page arriving meanwhile is stored as usual
                }
                else if (request.type === 'index') {
                    snapshot.indexEntity(request.entity);
                    reply({ id: request.id, ok: true });
                }
                else {
                    const { image, meta } = snapshot.finish(request.meta);
                    snapshot.close();
                    // The image moves to the capture's thread, not copied: at a million contacts it is 1.6 GB.
                    port.postMessage({ id: request.id, ok: true, image, meta }, [image.buffer]);
                }
            }
            catch (err) {
                reply({ id: request.id, ok: false, error: err.message });
            }
        }, (err) => reply({ id: request.id, ok: false, error: err.message }));
    });
}
function reply(message) {
    port.postMessage(message);
}
//# sourceMappingURL=snapshotWriterWorker.js.map