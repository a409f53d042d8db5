import type { ValidationRule } from '../rule';
import { duplicateIds } from './duplicateIds';
import { contactWithoutCompany } from './contactWithoutCompany';
import { duplicatePayment } from './duplicatePayment';
import { futureOrder } from './futureOrder';
import { itemWithoutProduct } from './itemWithoutProduct';
import { orderBeforeContact } from './orderBeforeContact';
import { orderOverpaid } from './orderOverpaid';
import { orderTotalMismatch } from './orderTotalMismatch';
import { orderWithoutContact } from './orderWithoutContact';
import { paidStatusMismatch } from './paidStatusMismatch';
import { paymentWithoutOrder } from './paymentWithoutOrder';
import { subscriptionWithoutParent } from './subscriptionWithoutParent';
import { tagAssignmentWithoutTag } from './tagAssignmentWithoutTag';
import { likelyDuplicateOrder } from './likelyDuplicateOrder';
import { restoreDuplicateOrder } from './restoreDuplicateOrder';
import { restoredTwice } from './restoredTwice';

/** Every rule, in the order they run and are listed. */
export const ALL_RULES: readonly ValidationRule[] = [
  duplicateIds,
  orderWithoutContact,
  itemWithoutProduct,
  paymentWithoutOrder,
  orderTotalMismatch,
  orderOverpaid,
  paidStatusMismatch,
  duplicatePayment,
  subscriptionWithoutParent,
  tagAssignmentWithoutTag,
  contactWithoutCompany,
  futureOrder,
  orderBeforeContact,
  likelyDuplicateOrder,
  restoreDuplicateOrder,
  restoredTwice,
];
