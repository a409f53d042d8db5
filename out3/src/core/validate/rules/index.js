"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALL_RULES = void 0;
const duplicateIds_1 = require("./duplicateIds");
const contactWithoutCompany_1 = require("./contactWithoutCompany");
const duplicatePayment_1 = require("./duplicatePayment");
const futureOrder_1 = require("./futureOrder");
const itemWithoutProduct_1 = require("./itemWithoutProduct");
const orderBeforeContact_1 = require("./orderBeforeContact");
const orderOverpaid_1 = require("./orderOverpaid");
const orderTotalMismatch_1 = require("./orderTotalMismatch");
const orderWithoutContact_1 = require("./orderWithoutContact");
const paidStatusMismatch_1 = require("./paidStatusMismatch");
const paymentWithoutOrder_1 = require("./paymentWithoutOrder");
const subscriptionWithoutParent_1 = require("./subscriptionWithoutParent");
const tagAssignmentWithoutTag_1 = require("./tagAssignmentWithoutTag");
const likelyDuplicateOrder_1 = require("./likelyDuplicateOrder");
const restoreDuplicateOrder_1 = require("./restoreDuplicateOrder");
const restoredTwice_1 = require("./restoredTwice");
/** Every rule, in the order they run and are listed. */
exports.ALL_RULES = [
    duplicateIds_1.duplicateIds,
    orderWithoutContact_1.orderWithoutContact,
    itemWithoutProduct_1.itemWithoutProduct,
    paymentWithoutOrder_1.paymentWithoutOrder,
    orderTotalMismatch_1.orderTotalMismatch,
    orderOverpaid_1.orderOverpaid,
    paidStatusMismatch_1.paidStatusMismatch,
    duplicatePayment_1.duplicatePayment,
    subscriptionWithoutParent_1.subscriptionWithoutParent,
    tagAssignmentWithoutTag_1.tagAssignmentWithoutTag,
    contactWithoutCompany_1.contactWithoutCompany,
    futureOrder_1.futureOrder,
    orderBeforeContact_1.orderBeforeContact,
    likelyDuplicateOrder_1.likelyDuplicateOrder,
    restoreDuplicateOrder_1.restoreDuplicateOrder,
    restoredTwice_1.restoredTwice,
];
//# sourceMappingURL=index.js.map