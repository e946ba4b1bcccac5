-- The inbox of polar-spring-boot's durable webhook processing (polar.webhook.processing=durable).
-- delivery_id (webhook-id) is the primary key: a redelivery of a stored id is not stored twice.
-- Times are epoch milliseconds. available_at is when a PENDING delivery is due, when the claim of a
-- PROCESSING one expires, and 9223372036854775807 (past every due time) once it is PROCESSED or
-- FAILED: claims read the available_at index in order up to now and never reach settled rows.
CREATE TABLE IF NOT EXISTS polar_webhook_inbox (
	delivery_id VARCHAR(255) NOT NULL PRIMARY KEY,
	endpoint VARCHAR(255) NOT NULL,
	event_type VARCHAR(255) NOT NULL,
	body BLOB NOT NULL,
	signed_at BIGINT NOT NULL,
	received_at BIGINT NOT NULL,
	status VARCHAR(16) NOT NULL,
	attempts INT NOT NULL,
	available_at BIGINT NOT NULL,
	claim_token BIGINT NOT NULL,
	last_attempt_at BIGINT,
	processed_at BIGINT,
	last_error_type VARCHAR(255),
	last_error_message VARCHAR(1000)
);

CREATE INDEX IF NOT EXISTS polar_webhook_inbox_due_idx ON polar_webhook_inbox (available_at);

CREATE INDEX IF NOT EXISTS polar_webhook_inbox_processed_idx ON polar_webhook_inbox (status, processed_at);
