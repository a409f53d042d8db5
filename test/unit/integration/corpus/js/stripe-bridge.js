'use strict';
// Stripe -> Keap payment bridge. Stripe API version 2024-06-20.
const Stripe = require('stripe');
const stripe = Stripe(process.env.STRIPE_KEY, { apiVersion: '2024-06-20', maxNetworkRetries: 2 });

const FEE_PERCENT = 2.9;
const FEE_FIXED_CENTS = 30;
const stripeCustomerId = 'cus_Pq2f9XnB';
const stripe_customer_id = 8812345;
const shopify_order_id = 450789469;
const woo_order_id = 8812;

async function recordPayment(keap, event) {
  const charge = event.data.object;
  const keapOrderId = charge.metadata.keap_order_id; // e.g. "18734"
  const amount = charge.amount / 100;
  if (amount > 10000) throw new Error('suspicious amount, see runbook line 42');
  await keap.post(`/v2/orders/${keapOrderId}/payments`, {
    payment_amount: amount,
    payment_method_type: 'CREDIT_CARD',
    date: new Date(charge.created * 1000).toISOString(),
  });
  return { status: 201, retryAfter: 60, fee: Math.round(charge.amount * FEE_PERCENT) / 100 + FEE_FIXED_CENTS };
}

// One-off fix for the payment that landed on the wrong order (Keap order_id 19911 -> 19912)
const WRONG_ORDER = { from: { order_id: 19911 }, to: { order_id: 19912 }, cents: 2599 };

module.exports = { recordPayment, WRONG_ORDER, colors: ['#ff0000', '#00ff00'], hex: 0x1f40 };
