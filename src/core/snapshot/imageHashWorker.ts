/**
 * The thread that hashes a large snapshot's image while it is read (see imageHash.ts): the reading
 * thread puts each piece into memory both threads share and says which bytes are in; this one hashes
 * them in order. Messages are handled one at a time, in the order they were sent.
 */
import { createHash, type Hash } from 'node:crypto';
import { readSync } from 'node:fs';
import { parentPort, type MessagePort } from 'node:worker_threads';
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
      } else if (request.type === 'file') {
        port.postMessage({ ok: true, sha256: hashFile(port, request.fd, request.length) } satisfies HashReply);
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

/** Pieces read from a file: a few ms to hash each, so progress moves smoothly. */
const FILE_PIECE = 4 * 1024 * 1024;

/** Reads the first `length` bytes of `fd` and hashes them, reporting bytes done every 64 MiB. */
function hashFile(port: MessagePort, fd: number, length: number): string {
  const hash = createHash('sha256');
  const piece = Buffer.allocUnsafe(Math.min(FILE_PIECE, Math.max(length, 1)));
  let reported = 0;
  for (let at = 0; at < length;) {
    const n = readSync(fd, piece, 0, Math.min(piece.length, length - at), at);
    if (n === 0) throw new RangeError(`the file ends after ${at} of its ${length} bytes`);
    hash.update(piece.subarray(0, n));
    at += n;
    if (at - reported >= 64 * 1024 * 1024 || at === length) {
      port.postMessage({ progress: at } satisfies HashReply);
      reported = at;
    }
  }
  return hash.digest('hex');
}
