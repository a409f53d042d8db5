/**
 * The snapshot writer's thread (see snapshotWriter.ts): one SnapshotDb, fed page by page.
 * Requests are handled in the order they arrive, each to the end before the next.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { FileOnDemand } from './fileOnDemand';
import { SnapshotDb } from './snapshotDb';
import type { WriterData, WriterReply, WriterRequest } from './snapshotWriterProtocol';
import { placeCipher, type WorkingFileHandle } from './workingFile';

const port = parentPort;
if (port) {
  const { working } = workerData as WriterData;
  const db = SnapshotDb.createIn(working);
  port.on('message', (request: WriterRequest) => {
    void db.then(
      (snapshot) => {
        try {
          if (request.type === 'close') {
            leave(); // the database goes with the thread, saved or not
          } else if (request.type === 'insert') {
            snapshot.insertPrepared(request.entity, request.rows, request.jsons);
            reply({ id: request.id, ok: true });
          } else if (request.type === 'index') {
            snapshot.indexEntity(request.entity);
            reply({ id: request.id, ok: true });
          } else {
            const { bytes, meta } = snapshot.finishInFile(request.meta);
            // Hashed here, off the thread that asked (a few seconds at a million contacts).
            const sha256 = request.hash ? hashOf(working, bytes) : undefined;
            reply({ id: request.id, ok: true, bytes, meta, sha256 });
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

/** The SHA-256 of the database in the working file, read back in pieces. */
function hashOf(working: WorkingFileHandle, bytes: number): string {
  const file = new FileOnDemand(working.fd, bytes, 'the working file', { cipher: placeCipher(working), ownsFd: false });
  const hash = createHash('sha256');
  const piece = 8 * 1024 * 1024;
  for (let at = 0; at < bytes; at += piece) hash.update(file.read(at, Math.min(at + piece, bytes)));
  return hash.digest('hex');
}

function reply(message: WriterReply): void {
  port!.postMessage(message);
}
