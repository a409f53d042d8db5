/**
 * Reads an id map for remapping: an account's ledger (`keap-<account>.kvledger`), or what
 * `keap-vault idmap` and Export Id Map write from it, as CSV (`entity,old_id,new_id,plan_id,restored_at`)
 * or JSON (`[{entity, oldId, newId, planId, at}]`). A row without a new id (`idmap
 * --include-unrestored`) is a record a restore could not bring back.
 */
import { promises as fs } from 'node:fs';
import { KeapVaultFileError } from '../errors';
import { withPath } from '../fs/systemErrors';
import { Ledger, type IdMapEntry } from '../restore/ledger';
import type { RestoreEntity } from '../restore/planTypes';
import { tokenizeCsv } from '../validate/files/csvTokenizer';
import { RemapTable, type UnrestoredEntry } from './idMap';

/** The file is not an id map Keap Vault wrote. */
export class IdMapFileError extends KeapVaultFileError<'idmap-format'> {
  readonly kind = 'idmap-format';
}

export const CSV_HEADER = ['entity', 'old_id', 'new_id', 'plan_id', 'restored_at'];

export interface IdMapContents {
  entries: IdMapEntry[];
  unrestored: UnrestoredEntry[];
}

export async function readIdMapFile(file: string): Promise<RemapTable> {
  const { entries, unrestored } = await readIdMapContents(file);
  return new RemapTable(entries, unrestored);
}

export async function readIdMapContents(file: string): Promise<IdMapContents> {
  if (file.endsWith('.kvledger')) {
    await fs.access(file).catch((err: unknown) => Promise.reject(withPath(err, file)));
    const ledger = await Ledger.open(file);
    try {
      return { entries: ledger.idMap(), unrestored: ledger.unrestored() };
    } finally {
      ledger.close();
    }
  }
  const text = (await fs.readFile(file, 'utf8').catch((err: unknown) => Promise.reject(withPath(err, file)))).replace(/^\uFEFF/, '');
  return text.trimStart().startsWith('[') ? parseJsonIdMap(text, file) : parseCsvIdMap(text, file);
}

export function parseJsonIdMap(text: string, file: string): IdMapContents {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch (err) {
    throw new IdMapFileError(
      `${file} is not JSON (${(err as Error).message}): give the id map that keap-vault idmap --format json writes.`,
      file,
    );
  }
  if (!Array.isArray(rows))
    throw new IdMapFileError(`${file} holds no list of ids: give the id map that keap-vault idmap --format json writes.`, file);
  const out: IdMapContents = { entries: [], unrestored: [] };
  rows.forEach((row: unknown, i) => {
    const r = row as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
    const entity = text(r?.entity);
    const oldId = text(r?.oldId);
    if (!entity || !oldId)
      throw new IdMapFileError(
        `${file}: entry ${i + 1} has no entity or oldId: give the id map that keap-vault idmap --format json writes.`,
        file,
      );
    add(out, entity, oldId, text(r.newId), text(r.planId), text(r.at));
  });
  return out;
}

export function parseCsvIdMap(text: string, file: string): IdMapContents {
  const { rows } = tokenizeCsv(text);
  const header = rows[0]?.fields.map((f) => f.value.trim().toLowerCase()) ?? [];
  if (CSV_HEADER.some((h, i) => header[i] !== h))
    throw new IdMapFileError(
      `${file} does not start with the header ${CSV_HEADER.join(',')}: give the id map that keap-vault idmap (or Export Id Map) writes.`,
      file,
    );
  const out: IdMapContents = { entries: [], unrestored: [] };
  for (const row of rows.slice(1)) {
    const [entity, oldId, newId, planId, at] = row.fields.map((f) => f.value.trim());
    if (!entity && !oldId) continue; // a blank line
    if (!entity || !oldId) throw new IdMapFileError(`${file}: a row has no entity or old_id.`, file);
    add(out, entity, oldId, newId ?? '', planId ?? '', at ?? '');
  }
  return out;
}

function add(out: IdMapContents, entity: string, oldId: string, newId: string, planId: string, at: string): void {
  if (newId) out.entries.push({ entity: entity as RestoreEntity, oldId, newId, planId, at });
  else out.unrestored.push({ entity, oldId, planId, at });
}
