"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findRecordNode = findRecordNode;
/**
 * "Show in Accounts view": finds a record's row in the tree (connection -> Snapshots or Live ->
 * snapshot -> list -> record) by walking the tree as VS Code would, so that TreeView.reveal can
 * expand the way to it. A record beyond the pages read so far is pinned at the top of its list.
 */
const entities_1 = require("../../core/entities");
const query_1 = require("../../core/snapshot/query");
const recordNames_1 = require("../recordNames");
const userError_1 = require("../userError");
async function findRecordNode(explorer, connections, snapshots, source, entity, id) {
    const child = async (parent, match) => (await explorer.getChildren(parent)).find(match);
    // Snapshots are listed under the connection that reaches their account, or under one that has not said yet.
    const account = source.type === 'snapshot' ? (await snapshots.db(source.file)).meta().account : undefined;
    const connectionId = source.type === 'live'
        ? source.connectionId
        : (connections.list().find((c) => c.account === account) ?? connections.list().find((c) => !c.account))?.id;
    const connection = await child(undefined, (n) => n.kind === 'connection' && n.connection.id === connectionId);
    if (!connection)
        throw new userError_1.UserError('gone', 'No connection in the Accounts view shows this record: add one for its account.');
    let list;
    if (source.type === 'snapshot') {
        const folder = await child(connection, (n) => n.kind === 'snapshots');
        const snapshot = await child(folder, (n) => n.kind === 'snapshot' && n.listing.file === source.file);
        if (!snapshot)
            throw new userError_1.UserError('gone', 'That snapshot is no longer in the snapshot folder.');
        list = await child(snapshot, (n) => n.kind === 'entity' && n.entity === entity);
    }
    else {
        const live = await child(connection, (n) => n.kind === 'live');
        list = await child(live, (n) => n.kind === 'entity' && n.entity === entity);
    }
    // Rows the tree lists only inside their parent (an order's items) are shown by their list's row.
    if (!list || !entities_1.EXPLORER_ENTITIES.includes(entity))
        return list ?? connection;
    const found = (await explorer.getChildren(list)).find((n) => n.kind === 'record' && n.id === id);
    if (found)
        return found;
    const record = source.type === 'snapshot'
        ? (0, query_1.getRecord)(await snapshots.db(source.file), entity, id)
        : await (0, entities_1.entityModule)(entity).get?.(await connections.client(source.connectionId), id);
    if (!record)
        throw new userError_1.UserError('gone', `${(0, recordNames_1.recordTitle)(entity, id)} is not in ${source.type === 'snapshot' ? 'this snapshot' : 'the account'}.`);
    const pinned = explorer.recordNode(source, entity, id, record);
    explorer.pin(list, pinned);
    return (await explorer.getChildren(list)).find((n) => n.kind === 'record' && n.id === id) ?? pinned;
}
//# sourceMappingURL=revealRecord.js.map