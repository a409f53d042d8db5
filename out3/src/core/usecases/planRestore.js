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
exports.OtherAccountError = void 0;
exports.planRestoreFromSnapshot = planRestoreFromSnapshot;
/**
 * Plan a restore: check which account the credential reaches, read that account live, and plan
 * against the account's ledger (the ids earlier restores gave). Nothing is written to Keap. The CLI's
 * `plan` and the extension's Plan Restore / Restore This Order / re-plan all come through here.
 */
const path = __importStar(require("node:path"));
const ledger_1 = require("../restore/ledger");
const liveRead_1 = require("../restore/liveRead");
const applier_1 = require("../restore/applier");
const estimate_1 = require("../restore/estimate");
const planner_1 = require("../restore/planner");
const useCaseError_1 = require("./useCaseError");
/** The snapshot is of one account and the credential reaches another, and nobody said that was meant. */
class OtherAccountError extends useCaseError_1.UseCaseError {
    snapshotAccount;
    liveAccount;
    kind = 'other-account';
    constructor(snapshotAccount, liveAccount) {
        super(`This snapshot is of the account ${snapshotAccount}, and the credential reaches ${liveAccount}.`);
        this.snapshotAccount = snapshotAccount;
        this.liveAccount = liveAccount;
    }
}
exports.OtherAccountError = OtherAccountError;
async function planRestoreFromSnapshot(input) {
    const { client, snapshot } = input;
    const account = await client.account();
    const from = snapshot.meta().account;
    if (from !== account && !(await input.confirmOtherAccount?.(from, account)))
        throw new OtherAccountError(from, account);
    const snapshotFile = path.resolve(input.snapshotFile);
    const ledgerFile = input.ledgerFile ?? (0, ledger_1.ledgerFileFor)(path.dirname(snapshotFile), account);
    const { db: live, readAt } = await (0, liveRead_1.readLiveForRestore)(client, { signal: input.signal, onProgress: input.onLiveProgress });
    try {
        const ledger = await ledger_1.Ledger.open(ledgerFile);
        try {
            const plan = (0, planner_1.planRestore)({
                snapshot,
                live,
                liveReadAt: readAt,
                account,
                apiBaseUrl: client.transport.baseUrl,
                snapshotFile,
                idMap: (entity, oldId) => ledger.newIdOf(entity, oldId),
                options: input.options,
            });
            // Estimated at the pace the apply keeps: Keap's limits less the share it leaves to other traffic.
            const reserve = input.reserve ?? applier_1.DEFAULT_APPLY_RESERVE;
            plan.estimate = (0, estimate_1.estimateApply)(plan, {
                liveCounts: live.counts(),
                windows: client.transport.throttle.limits,
                pace: client.transport.throttle.pacedLimits(reserve),
                reserve,
                quota: { credential: client.transport.credentialKind, situation: client.transport.throttle.situation },
            });
            return { plan, account, ledgerFile };
        }
        finally {
            ledger.close();
        }
    }
    finally {
        live.close();
    }
}
//# sourceMappingURL=planRestore.js.map