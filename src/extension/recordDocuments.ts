/**
 * Records open as read-only JSON documents under the `keap-vault:` scheme, from a snapshot or from
 * the live account. Validation findings point at these URIs, so clicking one shows the record.
 */
import * as vscode from 'vscode';
import { entityModule, isCapturedEntity } from '../core/entities';
import type { SnapshotEntity } from '../core/snapshot/entities';
import { getRecord } from '../core/snapshot/query';
import type { ConnectionStore } from './connections/connections';
import type { RecordSource } from './explorer/nodes';
import type { SnapshotLibrary } from './snapshots';

export const RECORD_SCHEME = 'keap-vault';

export function recordUri(source: RecordSource, entity: SnapshotEntity, id: string): vscode.Uri {
  // A live record is read again each time it is opened (VS Code caches a virtual document by its URI).
  const where =
    source.type === 'snapshot'
      ? `file=${encodeURIComponent(source.file)}`
      : `connection=${encodeURIComponent(source.connectionId)}&read=${Date.now()}`;
  return vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/${source.type}/${entity}/${encodeURIComponent(id)}.json`, query: where });
}

/** Opens a record document as JSON (the scheme carries no file extension to guess the language from). */
export async function showRecord(uri: vscode.Uri, options?: vscode.TextDocumentShowOptions): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'json');
  return vscode.window.showTextDocument(doc, options);
}

export function parseRecordUri(uri: vscode.Uri): { source: RecordSource; entity: SnapshotEntity; id: string } {
  const [, type, entity, file] = uri.path.split('/');
  const params = new URLSearchParams(uri.query);
  const id = decodeURIComponent(file.replace(/\.json$/, ''));
  const source: RecordSource =
    type === 'snapshot'
      ? { type: 'snapshot', file: params.get('file') ?? '' }
      : { type: 'live', connectionId: params.get('connection') ?? '' };
  return { source, entity: entity as SnapshotEntity, id };
}

export class RecordDocuments implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly connections: ConnectionStore,
    private readonly snapshots: SnapshotLibrary,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const { source, entity, id } = parseRecordUri(uri);
    let record: unknown;
    if (source.type === 'snapshot') {
      record = getRecord(await this.snapshots.db(source.file), entity, id);
    } else {
      const client = await this.connections.client(source.connectionId);
      const get = isCapturedEntity(entity) ? entityModule(entity).get : undefined;
      record = get ? await get(client, id) : undefined;
    }
    // Valid JSON either way: the documents are shown in the json language.
    return (
      JSON.stringify(
        record === undefined
          ? { missing: `${entity} ${id} is not in ${source.type === 'snapshot' ? 'this snapshot' : 'the account'}` }
          : record,
        null,
        2,
      ) + '\n'
    );
  }
}
