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
exports.ApplyInterruptedError = exports.PlanAccountError = void 0;
exports.ledgerFileForPlan = ledgerFileForPlan;
exports.receiptProblems = receiptProblems;
exports.applyRestorePlan = applyRestorePlan;
/**
 * Apply a restore plan: make sure the credential reaches the plan's account, that an interrupted
 * apply is continued only when asked, and apply through the account's ledger. The CLI's `apply` and
 * the preview's Apply both come through here.
 */
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const applier_1 = require("../restore/applier");
const errors_1 = require("../keap/errors");
const ledger_1 = require("../restore/ledger");
const liveRead_1 = require("../restore/liveRead");
const useCaseError_1 = require("./useCaseError");
/** The credential reaches another account than the one the plan was made for. */
class PlanAccountError extends useCaseError_1.UseCaseError {
    planAccount;
    reached;
    kind = 'plan-account';
    constructor(planAccount, reached) {
        super(`This plan is for the account ${planAccount}, and the credential reaches ${reached}.`);
        this.planAccount = planAccount;
        this.reached = reached;
    }
}
exports.PlanAccountError = PlanAccountError;
/** An earlier apply of this plan stopped part-way, and this run was not asked to continue it. */
class ApplyInterruptedError extends useCaseError_1.UseCaseError {
    stepsRecorded;
    kind = 'apply-interrupted';
    constructor(stepsRecorded) {
        super(`This plan's apply was interrupted (${stepsRecorded} steps recorded).`);
        this.stepsRecorded = stepsRecorded;
    }
}
exports.ApplyInterruptedError = ApplyInterruptedError;
/**
 * The account's ledger for a plan: beside the plan's snapshot while that folder exists (where the
 * CLI and the extension both keep it), else in `fallbackFolder`.
 */
function ledgerFileForPlan(plan, fallbackFolder, snapshotFile = plan.snapshot.file) {
    const beside = snapshotFile ? path.dirname(snapshotFile) : undefined;
    return (0, ledger_1.ledgerFileFor)(beside && (0, node_fs_1.existsSync)(beside) ? beside : fallbackFolder, plan.account);
}
/** Steps that did not end as the plan meant: what a user must look at after an apply. */
function receiptProblems(receipt) {
    return receipt.failed.length + receipt.conflicts.length + receipt.duplicates.length + receipt.verification.problems.length;
}
async function applyRestorePlan(input) {
    const { client, plan } = input;
    // Asking which account the credential reaches waits for the quota as the apply would.
    const unhold = client.transport.throttle.hold({ maxWaitMs: input.maxWaitMs ?? Infinity });
    let reached;
    try {
        reached = await client.account();
    }
    catch (err) {
        if (err instanceof errors_1.KeapQuotaWaitError)
            throw new applier_1.ApplyPausedError(err.retryAt, workLeft(plan, input.only), err.waitingFor);
        throw err;
    }
    finally {
        unhold();
    }
    if (reached !== plan.account)
        throw new PlanAccountError(plan.account, reached);
    if (!input.resume) {
        const ledger = await ledger_1.Ledger.open(input.ledgerFile);
        let started;
        try {
            started = ledger.stepsOf(plan.planId);
        }
        finally {
            ledger.close();
        }
        if (started.some((s) => s.status === 'pending'))
            throw new ApplyInterruptedError(started.length);
    }
    return (0, applier_1.applyPlan)({
        client,
        plan,
        ledgerFile: input.ledgerFile,
        snapshot: input.snapshot,
        only: input.only,
        breakLock: input.breakLock,
        signal: input.signal,
        readLive: async (scope) => (await (0, liveRead_1.readLiveForRestore)(client, { ...scope, signal: input.signal })).db,
        onProgress: input.onProgress,
        reserve: input.reserve,
        maxWaitMs: input.maxWaitMs,
        onWait: input.onWait,
    });
}
/** Create and update steps (those selected) of a plan: an upper bound of what is left before the ledger is read. */
function workLeft(plan, only) {
    return plan.steps.filter((s) => (s.action === 'create' || s.action === 'update') && (!only || only.has(s.id))).length;
}
//# sourceMappingURL=applyRestore.js.map