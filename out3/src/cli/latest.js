"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.latestSnapshotFile = latestSnapshotFile;
exports.latestPlanFile = latestPlanFile;
/**
 * "latest" where a command takes a snapshot or a plan file: the newest of the account the credential
 * reaches, so a walkthrough can be typed as written whatever the data folder is. The file chosen is
 * named on stderr before anything is done with it.
 */
const dataDir_1 = require("../core/fs/dataDir");
const planFiles_1 = require("../core/restore/planFiles");
const library_1 = require("../core/snapshot/library");
const output_1 = require("./output");
const snapshotFlags_1 = require("./snapshotFlags");
/** `plan latest`: the newest snapshot of the account the credential reaches, in the snapshot folder. */
async function latestSnapshotFile(client, io, dir = (0, dataDir_1.dataPaths)().snapshots, doing = 'Planning from') {
    const account = await client.account();
    const latest = await (0, library_1.latestSnapshot)(dir, account, (0, snapshotFlags_1.snapshotKey)());
    if (!latest)
        throw new output_1.UsageError(`No snapshot of ${account} in ${dir}: take one first with keap-vault snapshot.`);
    io.err(`${doing} ${latest.file} (the latest snapshot of ${account}, taken ${latest.meta.finishedAt}).`);
    return latest.file;
}
/** `apply latest`: the plan made last for the account the credential reaches, in the data folder's plans. */
async function latestPlanFile(client, io) {
    const account = await client.account();
    const dir = (0, dataDir_1.dataPaths)().plans;
    const latest = await (0, planFiles_1.latestPlan)(dir, account);
    if (!latest)
        throw new output_1.UsageError(`No plan for ${account} in ${dir}: make one first with keap-vault plan.`);
    io.err(`Applying ${latest.file} (the latest plan for ${account}, made ${latest.plan.createdAt}).`);
    return latest.file;
}
//# sourceMappingURL=latest.js.map