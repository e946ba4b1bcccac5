package dev.polarspring.autoconfigure.webhook;

import dev.polarspring.boot.webhook.InMemoryWebhookDeduplicationStore;
import dev.polarspring.boot.webhook.WebhookDeduplicationStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent duplicates with the in-memory deduplication store.
 */
@SpringBootTest(classes = WebhookConcurrencyTests.ConcurrencyApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "polar.webhook.secret=" + TestDeliveries.SECRET)
class InMemoryWebhookConcurrencyTests extends WebhookConcurrencyTests {

	@Autowired
	WebhookDeduplicationStore store;

	@Test
	void usesTheInMemoryStore() {
		assertThat(this.store).isInstanceOf(InMemoryWebhookDeduplicationStore.class);
	}

}
