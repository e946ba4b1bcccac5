-- Deliveries claimed or processed by polar-spring-boot's JdbcWebhookDeduplicationStore.
-- The primary key is what makes two instances racing on one webhook-id dispatch it once.
CREATE TABLE IF NOT EXISTS polar_webhook_delivery (
	delivery_id VARCHAR(255) NOT NULL PRIMARY KEY,
	status VARCHAR(16) NOT NULL,
	claim_token BIGINT NOT NULL,
	updated_at BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS polar_webhook_delivery_updated_at_idx ON polar_webhook_delivery (updated_at);
