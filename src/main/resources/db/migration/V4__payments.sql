-- Payments are stored before they are acknowledged, then applied to the balance and correlated to the lifecycle.
ALTER TABLE debt ADD COLUMN credit NUMERIC(14, 2) DEFAULT 0 NOT NULL;
ALTER TABLE payment ADD COLUMN correlated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment ADD COLUMN detail VARCHAR(200);
CREATE INDEX ix_payment_uncorrelated ON payment (correlated_at, status);
-- Confirmations are keyed by payment ("PAYMENT:<provider>:<id>"), longer than a stage name.
ALTER TABLE outbound_message ALTER COLUMN stage SET DATA TYPE VARCHAR(160);
ALTER TABLE contact_attempt ALTER COLUMN stage SET DATA TYPE VARCHAR(160);
