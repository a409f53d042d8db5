"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESTORE_ORDER = void 0;
exports.emptyReceipt = emptyReceipt;
/** Entities a plan can act on, in the order their steps run. */
exports.RESTORE_ORDER = [
    'custom_fields',
    'tags',
    'companies',
    'contacts',
    'products',
    'subscription_plans',
    'orders',
    'payments',
    'contact_tags',
    'subscriptions',
    'campaigns',
];
/** The receipt of an apply of `planId` that has done nothing yet, started `startedAt`. */
function emptyReceipt(planId, startedAt) {
    return {
        planId,
        startedAt,
        finishedAt: '',
        created: 0,
        updated: 0,
        skipped: 0,
        reconciled: 0,
        linked: [],
        conflicts: [],
        duplicates: [],
        failed: [],
        notApplied: [],
        idMap: [],
        requests: 0,
        verification: { checked: 0, problems: [] },
    };
}
//# sourceMappingURL=planTypes.js.map