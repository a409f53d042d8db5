/**
 * Finds the Keap ids in a text (integration code, a config, a log, a CSV) with their kind, position
 * and the clue that made each an id. A number is an id only where something says so: a name
 * (`order_id`), a container (`"contact": {"id": …}`), a Keap URL, a SQL column, a CSV header.
 * A bare number never is, so prices, dates, phone numbers, ports and versions stay out.
 *
 * Every pass is linear in the text; none recurses.
 */
import { LineIndex } from '../validate/files/lineIndex';
import { scanCsv } from './csvScan';
import type { KeapIdKind } from './idKinds';
import { kindOfFileName } from './keyNames';
import { scanKeyValues } from './keyValueScan';
import type { FoundId, KeapIdOccurrence } from './occurrence';
import { scanSql } from './sqlScan';
import { scanUrls } from './urlScan';

export interface RecognizeOptions {
  /** The file's name: `.csv` and `.tsv` files are read by column, and an `Id` column takes its kind from the name. */
  fileName?: string;
  /** Only these kinds. */
  kinds?: ReadonlySet<KeapIdKind>;
}

/** Which pass wins when two find the same id: the more specific clue names it. */
const RULE_RANK: Record<FoundId['rule'], number> = {
  'admin-url': 0,
  'api-url': 1,
  sql: 2,
  'csv-column': 3,
  key: 4,
  call: 5,
  compound: 6,
  nested: 7,
  hash: 8,
  prose: 9,
};

export function findKeapIds(text: string, options: RecognizeOptions = {}): KeapIdOccurrence[] {
  const found: FoundId[] = [];
  scanUrls(text, found);
  scanSql(text, found);
  if (options.fileName && /\.(?:csv|tsv)$/i.test(options.fileName)) scanCsv(text, options.fileName, found);
  const structured = options.fileName && /\.(?:json|jsonc|ya?ml)$/i.test(options.fileName);
  scanKeyValues(text, found, structured ? kindOfFileName(options.fileName!) : undefined);
  if (!found.length) return [];
  found.sort((a, b) => a.offset - b.offset || RULE_RANK[a.rule] - RULE_RANK[b.rule]);
  const lines = new LineIndex(options.fileName ?? '', text);
  const out: KeapIdOccurrence[] = [];
  let last = -1;
  for (const f of found) {
    if (f.offset === last) continue;
    last = f.offset;
    if (options.kinds && !options.kinds.has(f.kind)) continue;
    const { line, column } = lines.at(f.offset);
    out.push({ ...f, id: text.slice(f.offset, f.offset + f.length), line, column });
  }
  return out;
}

export type { KeapIdOccurrence, FoundId, RecognitionRule } from './occurrence';
