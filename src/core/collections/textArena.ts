/**
 * Short texts kept as UTF-8 bytes in 4 MiB chunks, each addressed by one number: for the millions
 * of small texts of a large account's index (idGroups.ts, hashedIdMap.ts), which as JavaScript
 * strings cost 16 bytes of header each and a Map's or an array's slot. Chunks are never copied to
 * grow, so holding N bytes never needs 2N for a moment. UTF-8 has no lone surrogates: one would
 * come back as U+FFFD, so what is kept here is JSON.stringify's output (which escapes them) or ids.
 */

const CHUNK_BITS = 22;
const CHUNK = 2 ** CHUNK_BITS;
/** Addresses are below 2^32, so a Uint32Array can hold them. */
const MAX_CHUNKS = 2 ** (32 - CHUNK_BITS);

export class TextArena {
  private readonly chunks: Buffer[] = [];
  private used = CHUNK;

  /** Keeps `text`; where it is, for `text`. */
  add(text: string): { at: number; length: number } {
    const length = Buffer.byteLength(text);
    if (this.used + length > CHUNK || !this.chunks.length) {
      // invariant: an index's texts are a few dozen bytes a record; 4 GiB is far past any account.
      if (this.chunks.length >= MAX_CHUNKS) throw new Error('A text arena holds at most 4 GiB');
      // A text longer than a chunk (a hostile note, say) gets a chunk of its own, of its size.
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, length)));
      this.used = 0;
    }
    const at = (this.chunks.length - 1) * CHUNK + this.used;
    this.chunks[this.chunks.length - 1].write(text, this.used, length, 'utf8');
    this.used += length;
    return { at, length };
  }

  text(at: number, length: number): string {
    const offset = at % CHUNK;
    return this.chunks[(at - offset) / CHUNK].toString('utf8', offset, offset + length);
  }
}
