/**
 * RFC 4180 tokenizer that keeps where every field sits in the file: quoted fields may hold commas,
 * doubled quotes and line breaks; lines end with CRLF or LF (a lone CR too). A quote inside an
 * unquoted field is data (as spreadsheets read it). The caller strips a BOM first.
 *
 * Recovery: a quote that is never closed would swallow the rest of the file, so it is reported at
 * the opening quote and tokenizing resumes on the line after it; only that row is lost.
 */

export interface CsvField {
  /** The cell's text: quotes removed, doubled quotes collapsed. */
  value: string;
  /** Offsets of the whole field in the file, quotes included (end exclusive). */
  start: number;
  end: number;
  quoted: boolean;
  /** Offset in the file of the value's first character. */
  valueStart: number;
  /** Indices in `value` of quotes that were doubled in the file. */
  escapes: number[];
}

export interface CsvRow {
  fields: CsvField[];
  start: number;
  end: number;
  /** Lost to an unterminated quote (its error says where); kept so that row numbers stay right. */
  broken?: boolean;
}

export interface CsvError {
  message: string;
  start: number;
  end: number;
}

export interface CsvTokens {
  rows: CsvRow[];
  errors: CsvError[];
}

export const UNTERMINATED_QUOTE =
  'Unterminated quoted field: the quote opened here is never closed (a quote inside a quoted field must be doubled: "")';

/** File offset of index `i` in a field's value (i may be value.length, for an end). */
export function fieldOffset(field: CsvField, i: number): number {
  let shift = 0;
  for (const e of field.escapes) if (e < i) shift++;
  return field.valueStart + i + shift;
}

export function tokenizeCsv(text: string): CsvTokens {
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  const n = text.length;
  let i = 0;
  rows: while (i < n) {
    const rowStart = i;
    const fields: CsvField[] = [];
    for (;;) {
      const start = i;
      if (text[i] === '"') {
        const field = quotedField(text, i);
        if (!field) {
          errors.push({
            message: UNTERMINATED_QUOTE,
            start,
            end: lineEnd(text, start),
          });
          rows.push({ fields, start: rowStart, end: start, broken: true });
          i = nextLine(text, start);
          continue rows;
        }
        i = field.end;
        if (i < n && !isDelimiter(text[i])) {
          // `"abc"def`: keep the quoted text, report and skip what follows up to the next delimiter.
          let j = i;
          while (j < n && !isDelimiter(text[j])) j++;
          errors.push({
            message: 'Unexpected text after a closing quote: a field that starts with a quote must end with one',
            start: i,
            end: j,
          });
          i = j;
        }
        fields.push({ ...field, end: i });
      } else {
        while (i < n && !isDelimiter(text[i])) i++;
        fields.push({ value: text.slice(start, i), start, end: i, quoted: false, valueStart: start, escapes: [] });
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      const end = i;
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (!(fields.length === 1 && !fields[0].quoted && fields[0].value === '')) rows.push({ fields, start: rowStart, end });
      continue rows;
    }
  }
  return { rows, errors };
}

function quotedField(text: string, start: number): CsvField | undefined {
  const parts: string[] = [];
  const escapes: number[] = [];
  let length = 0;
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return undefined;
    parts.push(text.slice(i, q));
    length += q - i;
    if (text[q + 1] === '"') {
      escapes.push(length);
      parts.push('"');
      length++;
      i = q + 2;
      continue;
    }
    return { value: parts.join(''), start, end: q + 1, quoted: true, valueStart: start + 1, escapes };
  }
}

function isDelimiter(c: string): boolean {
  return c === ',' || c === '\n' || c === '\r';
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function nextLine(text: string, from: number): number {
  const end = lineEnd(text, from);
  return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : Math.min(end + 1, text.length);
}
