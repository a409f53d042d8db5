// Keap -> warehouse webhook receiver (Express 4.18.2)
const express = require('express');
const crypto = require('crypto');

const app = express();
const PORT = process.env.PORT || 3000;
const MAX_BODY_KB = 512;

// Orders we never ship automatically (fraud review), see ticket OPS-4412
const HOLD_ORDER_IDS = [18734, 18791, 19002];
const WHOLESALE_TAG_ID = 113;
const GIFT_PRODUCT_ID = 27;

app.use(express.json({ limit: `${MAX_BODY_KB}kb` }));

app.post('/hooks/keap/order', async (req, res) => {
  const { object_keys: keys = [] } = req.body;
  for (const key of keys) {
    const orderId = Number(key.id);
    if (HOLD_ORDER_IDS.includes(orderId)) {
      console.warn(`order ${orderId} held for review`);
      continue;
    }
    const order = await keap.get(`/v2/orders/${orderId}`);
    if (order.contact.id === 40213) {
      // internal test contact: never ship
      continue;
    }
    const hasGift = order.order_items.some((item) => item.product.id === GIFT_PRODUCT_ID);
    await warehouse.ship({ keapOrderId: orderId, gift: hasGift, priority: 2, weightGrams: 1250 });
  }
  res.status(204).end();
});

function verify(signature, body) {
  const hmac = crypto.createHmac('sha256', process.env.KEAP_HOOK_SECRET);
  return hmac.update(body).digest('hex') === signature; // e.g. 9f86d081884c7d65
}

app.listen(PORT, () => console.log(`listening on ${PORT}, retry after 30s, timeout 15000 ms`));
