// Test fixtures copied from a real Keap order payload (ids kept so the staging account matches)
export const keapOrder = {
  id: 18734,
  title: 'Spring Bundle',
  status: 'PAID',
  total: { amount: 149.95, currency_code: 'USD' },
  order_time: '2026-03-14T10:22:31.000Z',
  contact: {
    id: 40213,
    email: 'dana@example.com',
    given_name: 'Dana',
  },
  order_items: [
    {
      id: 99121,
      quantity: 2,
      price_per_unit: { amount: 49.99 },
      product: { id: 27, name: 'Starter Kit', sku: 'SK-1001' },
    },
    {
      id: 99122,
      quantity: 1,
      price_per_unit: { amount: 49.97 },
      product: { id: 31, name: 'Refill', sku: 'RF-2002' },
    },
  ],
  invoice_id: 30112,
  invoice_number: '30112',
};

export const stripeCharge = {
  id: 'ch_3NqL2e2eZvKYlo2C0abc',
  amount: 14995,
  created: 1710411751,
  customer: 'cus_Pq2f9XnB',
  metadata: { keap_order_id: '18734', line_count: '2' },
};
