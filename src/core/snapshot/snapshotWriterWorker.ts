/**
 * The snapshot writer's thread (see snapshotWriter.ts): one SnapshotDb, fed page by page.
 * Requests are handled in the order they arrive, each to the end before the next.
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { GrownArrays } from './grownArrays';
import { SnapshotDb } from './snapshotDb';
import type { WriterReply, WriterRequest } from './snapshotWriterProtocol';

const port = parentPort;
if (port) {
  const db = SnapshotDb.create();
  const grown = new GrownArrays();
  port.on('message', (request: WriterRequest) => {
    void db.then(
      (snapshot) => {
        try {
          if (request.type === 'close') {
            leave(); // the database goes with the thread, saved or not
          } else if (request.type === 'insert') {
            snapshot.insertPrepared(request.entity, request.rows, request.jsons);
            reply({ id: request.id, ok: true });
            void grown.collectIfGrown(); // after the page is answered; a page arriving meanwhile is stored as usual
          } else if (request.type === 'index') {
            snapshot.indexEntity(request.entity);
            reply({ id: request.id, ok: true });
          } else {
            const { image, meta } = snapshot.finishAndClose(request.meta);
            // Hashed here, off the thread that asked (about a second at a million contacts).
            const sha256 = request.hash ? createHash('sha256').update(image).digest('hex') : undefined;
            // The image moves to the capture's thread, not copied: at a million contacts it is 1.6 GB.
            port.postMessage({ id: request.id, ok: true, image, meta, sha256 } satisfies WriterReply, [image.buffer as ArrayBuffer]);
          }
        } catch (err) {
          reply({ id: request.id, ok: false, error: (err as Error).message });
        }
      },
      (err: Error) => (request.type === 'close' ? leave() : reply({ id: request.id, ok: false, error: err.message })),
    );
  });
}

/**
 * Ends the thread here, between two requests: no compression is half made, so none is torn down
 * half made (see SnapshotWriter.close()). Not port.close(): after the image's buffer was moved to the
 * other thread, Node 20 kept the closed port as an active handle and the thread never left (every
 * apply's live read then waited for it until its caller gave up).
 */
function leave(): never {
  process.exit(0);
}

function reply(message: WriterReply): void {
  port!.postMessage(message);
}
