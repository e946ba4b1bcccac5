package dev.polarspring.boot.webhook.inbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A verified delivery as the inbox stores it: enough to read its event again and dispatch
 * it to the endpoint's methods and the listeners.
 *
 * @param id the {@code webhook-id}: the inbox's key, so a delivery is stored once
 * @param endpoint the path it was posted to, whose {@code @PolarWebhook} methods receive
 * it
 * @param type the event type, such as {@code order.paid}
 * @param body the raw body, exactly as verified
 * @param signedAt the {@code webhook-timestamp} it was signed with
 * @param receivedAt when this application received it
 */
public record WebhookInboxDelivery(String id, String endpoint, String type, byte[] body, Instant signedAt,
		Instant receivedAt) {

	/**
	 * Checks the components and copies the body.
	 * @param id the {@code webhook-id}
	 * @param endpoint the path it was posted to
	 * @param type the event type
	 * @param body the raw body
	 * @param signedAt the {@code webhook-timestamp}
	 * @param receivedAt when it was received
	 */
	public WebhookInboxDelivery {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(endpoint, "endpoint must not be null");
		Objects.requireNonNull(type, "type must not be null");
		body = body.clone();
		Objects.requireNonNull(signedAt, "signedAt must not be null");
		Objects.requireNonNull(receivedAt, "receivedAt must not be null");
	}

	/**
	 * Returns a copy of the raw body.
	 * @return the body
	 */
	@Override
	public byte[] body() {
		return this.body.clone();
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof WebhookInboxDelivery that && this.id.equals(that.id)
				&& this.endpoint.equals(that.endpoint) && this.type.equals(that.type)
				&& Arrays.equals(this.body, that.body) && this.signedAt.equals(that.signedAt)
				&& this.receivedAt.equals(that.receivedAt));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id, this.endpoint, this.type, Arrays.hashCode(this.body), this.signedAt,
				this.receivedAt);
	}

	@Override
	public String toString() {
		return "WebhookInboxDelivery[id=" + this.id + ", endpoint=" + this.endpoint + ", type=" + this.type + ", body="
				+ this.body.length + " bytes, signedAt=" + this.signedAt + ", receivedAt=" + this.receivedAt + "]";
	}

}
