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
exports.takeSnapshot = takeSnapshot;
/**
 * Take a snapshot of an account: choose the file (the one given, an interrupted capture of the same
 * kind to resume, or a new one in the folder), find the previous snapshot for the shrinkage check,
 * and capture. The CLI's `snapshot` and the extension's Take Snapshot both come through here, so a
 * capture resumes and is named the same way whichever front end started it.
 */
const path = __importStar(require("node:path"));
const capture_1 = require("../snapshot/capture");
const library_1 = require("../snapshot/library");
async function takeSnapshot(input) {
    const sinceMeta = input.since?.meta();
    const account = sinceMeta?.account ?? input.account ?? (await input.client.account());
    // Only a capture of the same kind (full, or incremental from the same snapshot) is picked up again:
    // starting another kind on its file would throw away what it had read. With `restart` its file is
    // reused and its journal discarded, so no orphaned partial capture is left behind.
    const interrupted = await (0, library_1.interruptedCapture)(input.folder, account, sinceMeta?.snapshotId);
    const out = input.out ?? interrupted ?? (0, library_1.newSnapshotPath)(input.folder, account);
    input.onTarget?.({ file: out, resuming: !input.restart && out === interrupted });
    const previous = input.since ? undefined : (await (0, library_1.latestSnapshot)(path.dirname(out), account, input.readKey))?.meta;
    return (0, capture_1.captureSnapshot)({
        client: input.client,
        out,
        key: input.encryptKey,
        since: input.since && sinceMeta ? { db: input.since, meta: sinceMeta } : undefined,
        checkDeletions: input.checkDeletions,
        previous,
        anomalyThreshold: input.anomalyThreshold,
        restart: input.restart,
        signal: input.signal,
        onProgress: input.onProgress,
    });
}
//# sourceMappingURL=takeSnapshot.js.map