/**
 * A file's bytes to text, a chunk at a time: UTF-8 (a BOM is skipped), or UTF-16 when a byte
 * order mark says so (or, without one, when the first bytes hold a NUL, which text never starts
 * with; that is reported, since import tools will not guess). Bytes that are not UTF-8 become one
 * U+FFFD each ill-formed sequence and are reported with their line, column and byte offset: a
 * Latin-1 `é` would otherwise pass as a silent replacement character.
 */
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { cutCharacterStart, hexBytes, sequenceAt } from './utf8Sequences';
import { TextPosition, type TextPoint } from './textPosition';

export interface EncodingProblem {
  message: string;
  /** Where the replacement character stands in the text. */
  at: TextPoint;
  /** Offset in the file of the first byte concerned. */
  byteOffset: number;
}

export interface DecodedText {
  text(text: string): void;
  problem(problem: EncodingProblem): void;
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export class FileDecoding {
  private encoding: Encoding | undefined;
  /** Bytes held back: the first bytes until the encoding is known, or a UTF-8 character cut by a chunk's end. */
  private held = new Uint8Array(0);
  /** File offset of the first byte of `held`. */
  private byteOffset = 0;
  /** File offset of the text's first byte (after a byte order mark). */
  private textStart = 0;
  private utf16: TextDecoder | undefined;
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly position = new TextPosition();

  constructor(private readonly out: DecodedText) {}

  write(chunk: Uint8Array): void {
    const bytes = this.held.length ? concat(this.held, chunk) : chunk;
    this.held = new Uint8Array(0);
    if (!this.encoding) {
      if (bytes.length < 3) {
        this.held = bytes.slice();
        return;
      }
      this.start(bytes);
      return;
    }
    this.decode(bytes);
  }

  end(): void {
    if (!this.encoding) this.start(this.held);
    else if (this.utf16) {
      if ((this.byteOffset - this.textStart) % 2)
        this.problem('The file ends in the middle of a UTF-16 character (an odd number of bytes)', this.byteOffset - 1);
      this.emit(this.utf16.decode());
    } else if (this.held.length) {
      this.problem(
        `The file ends in the middle of a UTF-8 character (${hexBytes(this.held)} at byte offset ${this.byteOffset}): it was cut short or is not UTF-8`,
        this.byteOffset,
      );
      this.emit('\uFFFD');
    }
    this.held = new Uint8Array(0);
  }

  private start(bytes: Uint8Array): void {
    const [a, b, c] = bytes;
    let skip = 0;
    if (a === 0xef && b === 0xbb && c === 0xbf) {
      this.encoding = 'utf-8';
      skip = 3;
    } else if (a === 0xff && b === 0xfe) {
      this.encoding = 'utf-16le';
      skip = 2;
    } else if (a === 0xfe && b === 0xff) {
      this.encoding = 'utf-16be';
      skip = 2;
    } else if (bytes.length >= 2 && (a === 0) !== (b === 0)) {
      this.encoding = a === 0 ? 'utf-16be' : 'utf-16le';
      this.problem(
        `The file looks like UTF-16 (${this.encoding === 'utf-16le' ? 'little' : 'big'}-endian) without a byte order mark; it is read as such, but import tools may not guess it: save it as UTF-8`,
        0,
      );
    } else this.encoding = 'utf-8';
    if (this.encoding !== 'utf-8') this.utf16 = new TextDecoder(this.encoding, { ignoreBOM: true });
    this.byteOffset = skip;
    this.textStart = skip;
    this.decode(bytes.subarray(skip));
  }

  private decode(bytes: Uint8Array): void {
    if (this.utf16) {
      // UTF-16 comes in byte pairs; TextDecoder's stream mode keeps a pair or surrogate cut by the chunk's end.
      this.emit(this.utf16.decode(bytes, { stream: true }));
      this.byteOffset += bytes.length;
      return;
    }
    const cut = cutCharacterStart(bytes);
    const body = bytes.subarray(0, cut);
    if (isUtf8(body)) this.emit(this.utf8.decode(body));
    else this.decodeWithProblems(body);
    this.byteOffset += cut;
    this.held = bytes.slice(cut);
  }

  /** The slow path, for a chunk that holds bytes that are not UTF-8: each ill-formed sequence is reported and replaced. */
  private decodeWithProblems(body: Uint8Array): void {
    let run = 0;
    let i = 0;
    while (i < body.length) {
      const n = sequenceAt(body, i);
      if (n > 0) {
        i += n;
        continue;
      }
      // n is never 0 here: the chunk was cut before a character its end would cut.
      const bad = body.subarray(i, i - n);
      this.emit(this.utf8.decode(body.subarray(run, i)));
      this.problem(
        `The file is not UTF-8 here: ${bad.length > 1 ? `bytes ${hexBytes(bad)}` : `byte ${hexBytes(bad)}`} at byte offset ${this.byteOffset + i} ${
          bad.length > 1 ? 'do' : 'does'
        } not form a character. Is it saved as Latin-1 or Windows-1252? Save it as UTF-8`,
        this.byteOffset + i,
      );
      this.emit('\uFFFD');
      i -= n;
      run = i;
    }
    this.emit(this.utf8.decode(body.subarray(run)));
  }

  private emit(text: string): void {
    if (!text) return;
    this.position.advance(text);
    this.out.text(text);
  }

  private problem(message: string, byteOffset: number): void {
    this.out.problem({ message, at: this.position.point(), byteOffset });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
