/**
 * Records open as read-only JSON documents under the `keap-vault:` scheme, from a snapshot or from
 * the live account, named for the record ("Order 137 · Megan Wilson"). Validation findings point at
 * these URIs, so clicking one shows the record; an order also has a readable card (recordCard/),
 * whose "Show raw JSON" opens this document.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { entityModule, isCapturedEntity } from '../core/entities';
import { SNAPSHOT_EXTENSION } from '../core/snapshot/library';
import type { SnapshotEntity } from '../core/snapshot/entities';
import { getRecord } from '../core/snapshot/query';
import type { ConnectionStore } from './connections/connections';
import type { RecordSource } from './explorer/nodes';
import { asPathSegment, recordTitle } from './recordNames';
import type { SnapshotLibrary } from './snapshots';

export const RECORD_SCHEME = 'keap-vault';

/**
 * A record's document. The path is what people read: VS Code shows its last segment as the tab's
 * title and as the file name the Problems panel groups findings under ("Order 137 · Megan Wilson"),
 * and the folder as where it is from (the snapshot's file name, or "live"). Which record it is
 * travels in the query. `label`: the record's one-line label, when the caller has it.
 */
export function recordUri(source: RecordSource, entity: SnapshotEntity, id: string, label?: string): vscode.Uri {
  const query = new URLSearchParams({ type: source.type, entity, id });
  if (source.type === 'snapshot') query.set('file', source.file);
  else {
    query.set('connection', source.connectionId);
    // A live record is read again each time it is opened (VS Code caches a virtual document by its URI).
    query.set('read', String(Date.now()));
  }
  const folder = source.type === 'snapshot' ? path.basename(source.file, SNAPSHOT_EXTENSION) : 'live';
  return vscode.Uri.from({
    scheme: RECORD_SCHEME,
    path: `/${asPathSegment(folder)}/${asPathSegment(recordTitle(entity, id, label))}`,
    query: query.toString(),
  });
}

/** Opens a record document as JSON. */
export async function showRecord(uri: vscode.Uri, options?: vscode.TextDocumentShowOptions): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'json');
  return vscode.window.showTextDocument(doc, options);
}

/**
 * Record documents are JSON however they are opened (from the Problems panel, a link, a restored
 * tab): their names carry no file extension to guess the language from.
 */
export function showRecordsAsJson(): vscode.Disposable {
  const asJson = (doc: vscode.TextDocument) => {
    if (doc.uri.scheme === RECORD_SCHEME && doc.languageId !== 'json') void vscode.languages.setTextDocumentLanguage(doc, 'json');
  };
  vscode.workspace.textDocuments.forEach(asJson);
  return vscode.workspace.onDidOpenTextDocument(asJson);
}

export function parseRecordUri(uri: vscode.Uri): { source: RecordSource; entity: SnapshotEntity; id: string } {
  const params = new URLSearchParams(uri.query);
  let type = params.get('type');
  let entity = params.get('entity');
  let id = params.get('id');
  if (!type || !entity || id === null) {
    // A document opened before records had readable names (a tab VS Code restored): /<type>/<entity>/<id>.json
    const [, oldType, oldEntity, file] = uri.path.split('/');
    [type, entity, id] = [oldType, oldEntity, decodeURIComponent((file ?? '').replace(/\.json$/, ''))];
  }
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
