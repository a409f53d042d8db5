"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.captureLiveSnapshot = captureLiveSnapshot;
/**
 * "live" as a snapshot for the CLI: the account read now (see core/restore/liveRead), with capture
 * progress on the terminal. Used by `diff A live`.
 */
const liveRead_1 = require("../core/restore/liveRead");
const connection_1 = require("./connection");
const progress_1 = require("./progress");
async function captureLiveSnapshot(flags, io) {
    const progress = (0, progress_1.captureProgressPrinter)(io);
    try {
        return (await (0, liveRead_1.readLiveAccount)((0, connection_1.clientFromFlags)(flags), { onProgress: (p) => progress.update(p) })).db;
    }
    finally {
        progress.end();
    }
}
//# sourceMappingURL=liveSnapshot.js.map