-- The webhooks the store's listener processed, for the "Webhooks received" panel. One row per
-- webhook-id: durable processing delivers at least once, so a delivery processed twice shows once.
CREATE TABLE IF NOT EXISTS webhook_activity (
	webhook_id           VARCHAR(255) NOT NULL PRIMARY KEY,
	event_type           VARCHAR(64)  NOT NULL,
	external_customer_id VARCHAR(255),
	checkout_id          VARCHAR(64),
	outcome              VARCHAR(500) NOT NULL,
	occurred_at          TIMESTAMP WITH TIME ZONE NOT NULL,
	processed_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS webhook_activity_customer ON webhook_activity (external_customer_id, processed_at);

-- The email each guest paid with, from Polar's customer webhooks, so their next checkout starts with it.
CREATE TABLE IF NOT EXISTS shopper_email (
	shopper_id VARCHAR(255) NOT NULL PRIMARY KEY,
	email      VARCHAR(320) NOT NULL
);
