-- Shipments the warehouse booked for Keap orders (PostgreSQL 16)
INSERT INTO shipments (keap_order_id, carrier, weight_g, booked_on) VALUES
  (6, 'UPS', 1250, '2024-01-27'),
  (10, 'DHL', 830, '2024-03-18'),
  (13, 'UPS', 5400, '2024-06-07');

SELECT * FROM shipments WHERE keap_order_id = 13;
