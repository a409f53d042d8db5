"use strict";
/**
 * The demo account and the sample integration that goes with it, as data. No 'vscode' import, so
 * that a unit test checks in plain Node that the sample's ids are the demo account's.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO_INTEGRATION = exports.DEMO_ACCOUNT = void 0;
/** What the built-in emulator generates for "Try the Demo" (the same account on every start). */
exports.DEMO_ACCOUNT = {
    seed: 'demo',
    size: 200,
    /** A few of the problems validation finds, so the demo shows what a finding looks like. */
    plant: { 'orphan-order': 1, 'dangling-product': 1, 'total-mismatch': 1, 'duplicate-order': 1 },
};
/** `media/demo-integration/`: a small fulfilment connector holding ids of the demo account. */
exports.DEMO_INTEGRATION = {
    /** Under the extension's folder. */
    source: ['media', 'demo-integration'],
    /** The folder it is copied to in the workspace. */
    folderName: 'keap-demo-integration',
    /** The file opened after copying. */
    firstFile: ['src', 'fulfilment.js'],
    /** The orders "Simulate Data Loss" deletes, so that a restore gives them new ids the sample still holds the old ones of. */
    lostOrders: ['6', '10', '13'],
    /** Every id the sample holds, by kind (a unit test checks both the recognizer and the account against it). */
    ids: {
        order: ['6', '10', '13'],
        contact: ['12', '21'],
        product: ['3', '4', '6'],
        tag: ['1', '2'],
        invoice: ['30006'],
    },
};
//# sourceMappingURL=demoAccount.js.map