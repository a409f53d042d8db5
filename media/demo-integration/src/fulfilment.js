'use strict';
// Sends paid Keap orders to the warehouse. Runs on a Keap REST hook (order.add, order.edit).

const PORT = 3000;
const MAX_RETRIES = 3;

// Orders held back for a manual check before they ship (ticket OPS-118).
const HOLD_ORDER_IDS = [6, 10];
const VIP_TAG_ID = 2;
const GIFT_WRAP_PRODUCT_ID = 3;

function route(order) {
  if (HOLD_ORDER_IDS.includes(Number(order.id))) return 'hold';
  const vip = (order.contact.tag_ids || []).includes(String(VIP_TAG_ID));
  const giftWrap = order.order_items.some((item) => Number(item.product.id) === GIFT_WRAP_PRODUCT_ID);
  return vip || giftWrap ? 'priority' : 'standard';
}

// The big journal order ships in two boxes (order_id 13, $2,965.92).
const SPLIT_SHIPMENTS = { order_id: 13, boxes: 2, weightGrams: 5400 };

module.exports = { route, SPLIT_SHIPMENTS, PORT, MAX_RETRIES };
