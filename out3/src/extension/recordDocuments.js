"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.RecordDocuments = exports.RECORD_SCHEME = void 0;
exports.recordUri = recordUri;
exports.showRecord = showRecord;
exports.showRecordsAsJson = showRecordsAsJson;
exports.parseRecordUri = parseRecordUri;
/**
 * Records open as read-only JSON documents under the `keap-vault:` scheme, from a snapshot or from
 * the live account, named for the record ("Order 137 · Megan Wilson"). Validation findings point at
 * these URIs, so clicking one shows the record; an order also has a readable card (recordCard/),
 * whose "Show raw JSON" opens this document.
 */
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const entities_1 = require("../core/entities");
const library_1 = require("../core/snapshot/library");
const query_1 = require("../core/snapshot/query");
const recordNames_1 = require("./recordNames");
exports.RECORD_SCHEME = 'keap-vault';
/**
 * A record's document. The path is what people read: VS Code shows its last segment as the tab's
 * title and as the file name the Problems panel groups findings under ("Order 137 · Megan Wilson"),
 * and the folder as where it is from (the snapshot's file name, or "live"). Which record it is
 * travels in the query. `label`: the record's one-line label, when the caller has it.
 */
function recordUri(source, entity, id, label) {
    const query = new URLSearchParams({ type: source.type, entity, id });
    if (source.type === 'snapshot')
        query.set('file', source.file);
    else {
        query.set('connection', source.connectionId);
        // A live record is read again each time it is opened (VS Code caches a virtual document by its URI).
        query.set('read', String(Date.now()));
    }
    const folder = source.type === 'snapshot' ? path.basename(source.file, library_1.SNAPSHOT_EXTENSION) : 'live';
    return vscode.Uri.from({
        scheme: exports.RECORD_SCHEME,
        path: `/${(0, recordNames_1.asPathSegment)(folder)}/${(0, recordNames_1.asPathSegment)((0, recordNames_1.recordTitle)(entity, id, label))}`,
        query: query.toString(),
    });
}
/** Opens a record document as JSON. */
async function showRecord(uri, options) {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    return vscode.window.showTextDocument(doc, options);
}
/**
 * Record documents are JSON however they are opened (from the Problems panel, a link, a restored
 * tab): their names carry no file extension to guess the language from.
 */
function showRecordsAsJson() {
    const asJson = (doc) => {
        if (doc.uri.scheme === exports.RECORD_SCHEME && doc.languageId !== 'json')
            void vscode.languages.setTextDocumentLanguage(doc, 'json');
    };
    vscode.workspace.textDocuments.forEach(asJson);
    return vscode.workspace.onDidOpenTextDocument(asJson);
}
function parseRecordUri(uri) {
    const params = new URLSearchParams(uri.query);
    let type = params.get('type');
    let entity = params.get('entity');
    let id = params.get('id');
    if (!type || !entity || id === null) {
        // A document opened before records had readable names (a tab VS Code restored): /<type>/<entity>/<id>.json
        const [, oldType, oldEntity, file] = uri.path.split('/');
        [type, entity, id] = [oldType, oldEntity, decodeURIComponent((file ?? '').replace(/\.json$/, ''))];
    }
    const source = type === 'snapshot'
        ? { type: 'snapshot', file: params.get('file') ?? '' }
        : { type: 'live', connectionId: params.get('connection') ?? '' };
    return { source, entity: entity, id };
}
class RecordDocuments {
    connections;
    snapshots;
    constructor(connections, snapshots) {
        this.connections = connections;
        this.snapshots = snapshots;
    }
    async provideTextDocumentContent(uri) {
        const { source, entity, id } = parseRecordUri(uri);
        let record;
        if (source.type === 'snapshot') {
            record = (0, query_1.getRecord)(await this.snapshots.db(source.file), entity, id);
        }
        else {
            const client = await this.connections.client(source.connectionId);
            const get = (0, entities_1.isCapturedEntity)(entity) ? (0, entities_1.entityModule)(entity).get : undefined;
            record = get ? await get(client, id) : undefined;
        }
        // Valid JSON either way: the documents are shown in the json language.
        return (JSON.stringify(record === undefined
            ? { missing: `${entity} ${id} is not in ${source.type === 'snapshot' ? 'this snapshot' : 'the account'}` }
            : record, null, 2) + '\n');
    }
}
exports.RecordDocuments = RecordDocuments;
//# sourceMappingURL=recordDocuments.js.map