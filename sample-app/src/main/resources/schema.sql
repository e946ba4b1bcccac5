-- What each customer owns, kept from Polar's webhooks. One row per Polar object (order,
-- subscription, benefit grant): its id is the key, so redelivered webhooks update, never duplicate.
CREATE TABLE IF NOT EXISTS entitlement (
	source_id            VARCHAR(64)  NOT NULL PRIMARY KEY,
	kind                 VARCHAR(16)  NOT NULL,
	customer_id          VARCHAR(64)  NOT NULL,
	external_customer_id VARCHAR(255),
	name                 VARCHAR(255) NOT NULL,
	detail               VARCHAR(255),
	active               BOOLEAN      NOT NULL,
	updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS entitlement_customer ON entitlement (external_customer_id);
