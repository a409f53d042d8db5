/**
 * Stale Keap ids in a text, and the edit that replaces them with the ids their records have now.
 *
 * The edit touches only the digits of ids found in a recognised context (the recognizer's), so no
 * other byte changes: line ends (CRLF), a BOM, quotes and spacing stay. Rewriting is idempotent: the
 * new ids are the ends of their chains, so a second run finds nothing to do. A rewrite is refused
 * rather than written when the result could not be read back as the file was: a JSON file that no
 * longer parses (or did not before), a CSV file whose rows change shape, or any text in which the new
 * ids would not be recognised again at their places as the same kind.
 */
import { tokenizeCsv } from '../validate/files/csvTokenizer';
import { JsonParser } from '../validate/files/jsonParser';
import type { KeapIdKind } from './idKinds';
import type { RemapTable, Remapped } from './idMap';
import { findKeapIds, type KeapIdOccurrence } from './recognize';
import { decodeTextFile, encodeText } from './textFile';

/** An id of a record a restore re-created under a new id (or could not restore), where it stands. */
export interface StaleId {
  occurrence: KeapIdOccurrence;
  remap: Remapped;
}

/** One replacement: the digits at `offset` become `newId`. */
export interface IdEdit {
  offset: number;
  length: number;
  kind: KeapIdKind;
  oldId: string;
  newId: string;
  line: number;
  column: number;
}

export type RefusalReason = 'not-utf8' | 'does-not-parse' | 'would-not-parse' | 'unstable';

export interface RewriteRefusal {
  refused: RefusalReason;
  /** For the user: why the file was left as it is. */
  message: string;
  /** The stale ids found all the same (a refused file is still listed). */
  stale: StaleId[];
}

export interface Rewrite {
  text: string;
  edits: IdEdit[];
  /** Every stale id found, the unrestored ones (no new id: not edited) included. */
  stale: StaleId[];
}

/** The ids in `text` that the table knows: restored under a new id, or gone and not restored. */
export function findStaleIds(text: string, table: RemapTable, fileName?: string): StaleId[] {
  if (!table.size) return [];
  const out: StaleId[] = [];
  for (const occurrence of findKeapIds(text, { fileName, kinds: table.kinds() })) {
    const remap = table.lookup(occurrence.kind, occurrence.id);
    if (remap) out.push({ occurrence, remap });
  }
  return out;
}

export function editsFor(stale: readonly StaleId[]): IdEdit[] {
  return stale
    .filter((s) => s.remap.newId !== undefined)
    .map(({ occurrence: o, remap }) => ({
      offset: o.offset,
      length: o.length,
      kind: o.kind,
      oldId: o.id,
      newId: remap.newId!,
      line: o.line,
      column: o.column,
    }));
}

/** The text with the edits made (they may come in any order; they never overlap: each is one id's digits). */
export function applyEdits(text: string, edits: readonly IdEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.offset) + e.newId;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}

/** The rewrite of a text, or why it is refused (see the module's comment). */
export function rewriteText(text: string, table: RemapTable, fileName?: string): Rewrite | RewriteRefusal {
  const stale = findStaleIds(text, table, fileName);
  const edits = editsFor(stale);
  if (!edits.length) return { text, edits, stale };
  const jsonLike = !!fileName && /\.(?:json|jsonc|code-workspace)$/i.test(fileName);
  if (jsonLike && jsonErrors(text))
    return {
      refused: 'does-not-parse',
      message: 'it is not valid JSON, so a rewrite could not be checked: fix it, or edit it by hand',
      stale,
    };
  const result = applyEdits(text, edits);
  if (jsonLike && jsonErrors(result)) return { refused: 'would-not-parse', message: 'the rewritten JSON would not parse', stale };
  if (fileName && /\.csv$/i.test(fileName) && csvShape(result) !== csvShape(text))
    return { refused: 'would-not-parse', message: "the rewritten CSV's rows would change shape", stale };
  const unstable = unrecognisedAfter(result, edits, fileName);
  if (unstable) return { refused: 'unstable', message: `${unstable} would not read as the same id after the rewrite`, stale };
  return { text: result, edits, stale };
}

/** A file's bytes rewritten, or why not: only lossless UTF-8 is written back (see textFile.ts). */
export function rewriteBytes(
  bytes: Uint8Array,
  table: RemapTable,
  fileName?: string,
): (Rewrite & { bytes: Uint8Array; before: string }) | RewriteRefusal | undefined {
  const decoded = decodeTextFile(bytes);
  if (!decoded) return undefined;
  if (!decoded.rewritable) {
    const stale = findStaleIds(decoded.text, table, fileName);
    if (!editsFor(stale).length) return { text: decoded.text, edits: [], stale, bytes, before: decoded.text };
    return {
      refused: 'not-utf8',
      message: `it is ${decoded.encoding === 'not utf-8' ? 'not UTF-8' : decoded.encoding}, and only UTF-8 is rewritten byte for byte`,
      stale,
    };
  }
  const rewrite = rewriteText(decoded.text, table, fileName);
  if ('refused' in rewrite) return rewrite;
  return { ...rewrite, bytes: rewrite.edits.length ? encodeText(rewrite.text) : bytes, before: decoded.text };
}

/** Syntax errors in a JSON text, comments allowed (settings files and tsconfig.json have them). */
function jsonErrors(text: string): number {
  return JsonParser.parse(text.replace(/^\uFEFF/, '')).errors.filter((e) => e.code !== 'InvalidCommentToken').length;
}

function csvShape(text: string): string {
  const { rows, errors } = tokenizeCsv(text.replace(/^\uFEFF/, ''));
  return `${errors.length}:${rows.map((r) => r.fields.length).join(',')}`;
}

/** The first edit whose new id the recognizer would not find again at its place, as the same kind. */
function unrecognisedAfter(result: string, edits: readonly IdEdit[], fileName?: string): string | undefined {
  const found = new Set(findKeapIds(result, { fileName }).map((o) => `${o.offset}:${o.kind}:${o.id}`));
  let shift = 0;
  for (const e of [...edits].sort((a, b) => a.offset - b.offset)) {
    if (!found.has(`${e.offset + shift}:${e.kind}:${e.newId}`)) return `${e.kind} ${e.newId} (line ${e.line})`;
    shift += e.newId.length - e.length;
  }
  return undefined;
}
