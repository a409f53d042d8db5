"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PLAN_EXTENSION = void 0;
exports.newPlanPath = newPlanPath;
exports.latestPlan = latestPlan;
/**
 * Restore plans kept in a folder (the CLI's `<data dir>/plans`): how a new one is named, and which is
 * an account's latest (what `keap-vault apply latest` applies).
 */
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const library_1 = require("../snapshot/library");
const plan_1 = require("./plan");
const planFile_1 = require("./planFile");
exports.PLAN_EXTENSION = '.plan.json';
/** `keap-<account>-<UTC time>.plan.json` in `dir`, never overwriting a plan made in the same second. */
function newPlanPath(dir, account, at = new Date(), exists = node_fs_1.existsSync) {
    const base = (0, library_1.snapshotFileName)(account, at).replace(/\.kvsnap$/, '');
    for (let n = 1;; n++) {
        const file = node_path_1.default.join(dir, `${base}${n === 1 ? '' : `-${n}`}${exports.PLAN_EXTENSION}`);
        if (!exists(file))
            return file;
    }
}
/** The most recently made plan of an account in `dir` (by the time the plan says it was made); files that are not plans are passed over. */
async function latestPlan(dir, account) {
    let names;
    try {
        names = await node_fs_1.promises.readdir(dir);
    }
    catch {
        return undefined;
    }
    let latest;
    for (const name of names.filter((n) => n.endsWith(exports.PLAN_EXTENSION))) {
        const file = node_path_1.default.join(dir, name);
        let plan;
        try {
            // Only each plan's first line: the steps of a large plan are not read to learn its date.
            plan = await (0, planFile_1.readPlanHead)(file);
        }
        catch (err) {
            if (err instanceof plan_1.PlanFormatError || err.code === 'ENOENT')
                continue;
            throw err;
        }
        if (plan.account === account && (!latest || plan.createdAt > latest.plan.createdAt))
            latest = { file, plan };
    }
    return latest;
}
//# sourceMappingURL=planFiles.js.map