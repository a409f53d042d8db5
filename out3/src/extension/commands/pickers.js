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
exports.fileOf = void 0;
exports.pickConnection = pickConnection;
exports.pickConnectionToFix = pickConnectionToFix;
exports.pickConnectionFor = pickConnectionFor;
exports.pickSnapshot = pickSnapshot;
/** Choosing a connection or a snapshot when a command comes from the palette rather than the tree. */
const vscode = __importStar(require("vscode"));
async function pickConnection(connections, node) {
    if (node?.kind === 'connection')
        return node.connection;
    const list = connections.list();
    if (list.length === 1)
        return list[0];
    if (!list.length) {
        void vscode.window.showInformationMessage('Keap Vault: add a connection or try the demo first.');
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(list.map((c) => ({ label: c.name, description: c.baseUrl, connection: c })), { placeHolder: 'Which Keap account?' });
    return picked?.connection;
}
/**
 * The connection whose credential to set: the one the tree or the error names, else the only one in
 * trouble (Keap refused its credential, or it has none), else the user's pick.
 */
async function pickConnectionToFix(connections, node) {
    if (node?.kind === 'connection')
        return node.connection;
    const inTrouble = await connections.withProblems();
    return inTrouble.length === 1 ? inTrouble[0] : pickConnection(connections);
}
/**
 * The connection to work on a snapshot's account with: the one the tree showed it under, else the
 * only connection known to reach that account, else the user's pick.
 */
async function pickConnectionFor(connections, account, node) {
    if (typeof node === 'object' && node.kind === 'snapshot' && node.connectionId)
        return connections.get(node.connectionId);
    const same = connections.list().filter((c) => c.account === account);
    return same.length === 1 ? same[0] : pickConnection(connections);
}
async function pickSnapshot(snapshots, node, placeHolder = 'Which snapshot?') {
    if (typeof node === 'string')
        return node;
    if (node?.kind === 'snapshot')
        return node.listing;
    const list = await snapshots.list();
    if (!list.length) {
        void vscode.window.showInformationMessage('Keap Vault: no snapshots yet. Take one first.');
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(list.map((s) => ({
        label: s.meta.finishedAt.replace('T', ' ').slice(0, 19),
        description: `${s.meta.account} · ${s.meta.counts.orders ?? 0} orders${s.encrypted ? ' · encrypted' : ''}`,
        listing: s,
    })), { placeHolder });
    return picked?.listing;
}
const fileOf = (s) => (typeof s === 'string' ? s : s.file);
exports.fileOf = fileOf;
//# sourceMappingURL=pickers.js.map