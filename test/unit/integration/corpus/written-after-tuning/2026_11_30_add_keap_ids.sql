ALTER TABLE customers ADD COLUMN keap_contact_id BIGINT;
CREATE INDEX idx_customers_keap_contact_id ON customers (keap_contact_id);

UPDATE customers SET keap_contact_id = 41500 WHERE email = 'kim@example.com';
UPDATE customers SET keap_contact_id = 41007 WHERE id = 118;

INSERT INTO keap_tags (id, name, category_id) VALUES (512, 'Abandoned cart', 3), (513, 'Follow-up', 3);
SELECT * FROM invoices WHERE id = 2044; -- our own invoice table, not Keap's
