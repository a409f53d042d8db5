"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.staleReason = staleReason;
/**
 * Whether a plan is still current: reads again the live records it relies on and compares them with what the plan
 * saw, leaving out the records this plan's own earlier apply wrote (its ledger's steps).
 */
const liveRead_1 = require("../../core/restore/liveRead");
const ledger_1 = require("../../core/restore/ledger");
const staleness_1 = require("../../core/restore/staleness");
/** Why the plan is stale, or undefined when the account has not changed since it was made. */
async function staleReason(connections, entry, plan, ledgerFile) {
    const client = await connections.client(entry.connectionId);
    const ledger = await ledger_1.Ledger.open(await ledgerFile());
    const started = ledger.stepsOf(plan.planId).map((s) => s.stepId);
    ledger.close();
    // Only the entities holding what the plan relies on (as apply's own stale check reads).
    const { db } = await (0, liveRead_1.readLiveForRestore)(client, { entities: (0, liveRead_1.entitiesHolding)(new Set(plan.live.records.map((r) => r.entity))) });
    let changed;
    try {
        changed = (0, staleness_1.liveChangesSince)(plan, db, started);
    }
    finally {
        db.close();
    }
    if (!changed.length)
        return undefined;
    return `The account changed since this plan was made: ${(0, staleness_1.describeChanges)(changed)}. Re-plan to see what a restore would do now.`;
}
//# sourceMappingURL=staleCheck.js.map