/**
 * A text file's lines as they are read, never the whole file in one string: journals, ledgers and
 * plans grow past what one JavaScript string holds. CRLF counts as one line end.
 */
import { createReadStream } from 'node:fs';
import readline from 'node:readline';

/** The lines of a UTF-8 file, without their line ends; close it when stopping early. */
export function fileLines(file: string): readline.Interface {
  return readline.createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}
