package dev.polarspring.autoconfigure.webhook;

import dev.polarspring.boot.webhook.JdbcWebhookDeduplicationStore;
import dev.polarspring.boot.webhook.WebhookDeduplicationStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent duplicates with the JDBC deduplication store on an embedded H2 database.
 */
@SpringBootTest(classes = WebhookConcurrencyTests.ConcurrencyApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "polar.webhook.secret=" + TestDeliveries.SECRET, "polar.webhook.deduplication.store=jdbc",
				"spring.datasource.url=jdbc:h2:mem:webhook-concurrency;DB_CLOSE_DELAY=-1" })
class JdbcWebhookConcurrencyTests extends WebhookConcurrencyTests {

	@Autowired
	WebhookDeduplicationStore store;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void usesTheJdbcStore() {
		assertThat(this.store).isInstanceOf(JdbcWebhookDeduplicationStore.class);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM polar_webhook_delivery WHERE status = 'IN_PROGRESS'",
				Integer.class))
			.isZero();
	}

}
