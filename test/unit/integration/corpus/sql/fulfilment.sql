-- Fulfilment tables (PostgreSQL 16)
CREATE TABLE shipments (
  id          SERIAL PRIMARY KEY,
  keap_order_id BIGINT NOT NULL,
  carrier     VARCHAR(16) NOT NULL,
  weight_g    INTEGER NOT NULL DEFAULT 0,
  shipped_at  TIMESTAMPTZ
);

INSERT INTO shipments (keap_order_id, carrier, weight_g, shipped_at) VALUES
  (18734, 'UPS', 1250, '2026-03-15 08:00:00+00'),
  (18791, 'DHL', 830, '2026-03-16 09:30:00+00'),
  (19002, 'USPS', 2400, NULL);

-- The order that shipped twice (see incident 2026-11-02)
SELECT * FROM shipments WHERE keap_order_id = 20417;
UPDATE shipments SET carrier = 'FedEx' WHERE keap_order_id IN (18734, 18791) AND weight_g > 1000;
DELETE FROM keap_orders WHERE id = 15520;

SELECT contact_id, count(*) FROM orders GROUP BY contact_id HAVING count(*) > 5 LIMIT 100;
SELECT * FROM shipments WHERE id = 42;
