/**
 * How a database file goes into sql.js and comes back out without being copied.
 *
 * sql.js keeps each database file in a JavaScript array (Emscripten's MEMFS). When a write passes
 * the array's end, MEMFS allocates one 12.5% larger and copies the file into it: a file built
 * page by page is copied about nine times its final size over, and every copy lands in freshly
 * zeroed memory. Measured here (2026-12-02): building a 150 MB file that way took 4.4-6.2 s, against
 * 0.7-0.8 s in place; it was a third of a capture's writer thread at 100k contacts. And `export()`
 * copies the finished file once more, so a capture held its snapshot twice at the end.
 *
 * MEMFS takes a new file's first bytes with `data.slice(start, end)` and keeps the array that call
 * returns as the file's storage, that array's length as its capacity, and `end - start` as the
 * file's size. So the bytes handed to `new SQL.Database(...)` here answer `slice` with a view
 * instead of a copy: over a larger reservation for a file that will grow (SQLite sees a file as
 * long as the image, and its writes past the end fill the reservation in place), or over the image
 * itself for one only read. The OS commits a reservation's memory as pages are written, so room
 * never used costs address space, not RAM. Were a later sql.js to copy instead, files would grow
 * and load as they did before; fileRoom.test.ts tells which.
 */
import { constants } from 'node:buffer';
import { totalmem } from 'node:os';

/**
 * Room for a new snapshot: 2 GiB (a million contacts with their orders take 1.6 GB), less on a
 * machine with under 16 GiB. A snapshot larger than an eighth of the machine's memory is one it
 * could not plan a restore of anyway (planning holds the snapshot and the live account together),
 * and past its room a file still grows, only by copying.
 */
export function defaultRoomBytes(): number {
  return Math.min(2 * 1024 ** 3, Math.floor(totalmem() / 8));
}

/** An image to open, and the reservation its file is kept in while it fits. */
export interface RoomyImage {
  bytes: Uint8Array;
  /** Undefined when no reservation could be made (the file is then MEMFS's own). */
  room?: Uint8Array;
}

/** The image, to pass to `new SQL.Database(...)`, with room for its file to grow to `room` bytes in place. */
export function withRoomToGrow(image: Uint8Array, room: number): RoomyImage {
  const capacity = Math.min(Math.max(room, image.length), constants.MAX_LENGTH);
  let storage: Uint8Array;
  try {
    storage = new Uint8Array(capacity);
  } catch {
    return { bytes: image }; // the reservation was refused: MEMFS grows the file as it always did
  }
  storage.set(image);
  return { bytes: handedOver(storage.subarray(0, image.length), storage), room: storage };
}

/**
 * The image itself, to pass to `new SQL.Database(...)`: the file is kept in it rather than in a
 * copy (the caller no longer needs it as it was; SQLite may write to it).
 */
export function withoutCopy(image: Uint8Array): Uint8Array {
  return handedOver(image, image);
}

/** `bytes`, whose `slice` MEMFS keeps as the file's storage: a view of `storage` from `start` on. */
function handedOver(bytes: Uint8Array, storage: Uint8Array): Uint8Array {
  Object.defineProperty(bytes, 'slice', { value: (start = 0) => storage.subarray(start) });
  return bytes;
}
