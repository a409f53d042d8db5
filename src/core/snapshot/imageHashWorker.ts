/**
 * The thread that hashes a large snapshot's image while it is read (see imageHash.ts): the reading
 * thread puts each piece into memory both threads share and says which bytes are in; this one hashes
 * them in order. Messages are handled one at a time, in the order they were sent.
 */
import { createHash, type Hash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { HashReply, HashRequest } from './imageHash';

const port = parentPort;
if (port) {
  let image: Uint8Array | undefined;
  let hash: Hash | undefined;
  port.on('message', (request: HashRequest) => {
    try {
      if (request.type === 'start') {
        image = new Uint8Array(request.shared);
        hash = createHash('sha256');
      } else if (request.type === 'update') {
        // invariant: 'start' comes first (ParallelImageHash sends it from its constructor).
        hash!.update(image!.subarray(request.start, request.end));
      } else {
        port.postMessage({ ok: true, sha256: hash!.digest('hex') } satisfies HashReply);
      }
    } catch (err) {
      port.postMessage({ ok: false, error: (err as Error).message } satisfies HashReply);
    }
  });
}
