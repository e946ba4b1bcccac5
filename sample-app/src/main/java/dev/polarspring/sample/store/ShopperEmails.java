package dev.polarspring.sample.store;

import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.polarspring.client.model.Customer;
import dev.polarspring.client.webhook.CustomerCreatedEvent;
import dev.polarspring.client.webhook.CustomerUpdatedEvent;

/**
 * Remembers the email each guest paid with, so their next checkout starts with it. The
 * guest types it on Polar's checkout page; Polar's {@code customer.created} and
 * {@code customer.updated} webhooks bring it back with the guest's id (the customer's
 * external id). Kept in the {@code shopper_email} table (see {@code schema.sql}).
 */
@Component
public class ShopperEmails {

	private final JdbcClient jdbc;

	ShopperEmails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the email a guest paid with last.
	 * @param shopperId the guest's id
	 * @return the email, or empty before their first payment
	 */
	public Optional<String> of(String shopperId) {
		return this.jdbc.sql("SELECT email FROM shopper_email WHERE shopper_id = ?")
			.param(shopperId)
			.query(String.class)
			.optional();
	}

	@EventListener
	void on(CustomerCreatedEvent event) {
		remember(event.data());
	}

	@EventListener
	void on(CustomerUpdatedEvent event) {
		remember(event.data());
	}

	private void remember(Customer customer) {
		String shopperId = customer.externalId();
		if (shopperId != null && customer.email() != null) {
			this.jdbc.sql("MERGE INTO shopper_email (shopper_id, email) KEY (shopper_id) VALUES (?, ?)")
				.params(shopperId, customer.email())
				.update();
		}
	}

}
