package com.example.testing;

// tag::catalog[]
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

// end::catalog[]
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

// tag::catalog[]
import dev.polarspring.client.model.RecurringInterval;
import dev.polarspring.test.FakeBenefit;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.FakeProduct;
// end::catalog[]
import dev.polarspring.client.model.Product;
import dev.polarspring.test.FakePurchase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's fake Polar with a catalog and a clock of its own.
 */
class FakeCatalogTests {

	@Test
	void aCatalogOfOnesOwn() {
		// tag::catalog[]

		FakePolar fake = FakePolar.builder()
			.products(
					FakeProduct.oneTime("Ebook", 1900, "usd")
						.withDescription("The PDF edition")
						.withBenefit(FakeBenefit.custom("Download link")),
					FakeProduct.recurring("Team", 4900, "eur", RecurringInterval.YEAR)
						.withBenefit(FakeBenefit.licenseKeys("Team license", "TEAM", 10)))
			.clock(Clock.fixed(Instant.parse("2026-10-01T09:00:00Z"), ZoneOffset.UTC))
			.start();
		// end::catalog[]
		try (fake) {
			assertThat(fake.products()).extracting(Product::name).containsExactly("Ebook", "Team");
			assertThat(fake.product("Ebook").description()).isEqualTo("The PDF edition");
			FakePurchase purchase = fake.purchase(fake.product("Team").id(), "team-1");
			assertThat(purchase.order().createdAt().toInstant())
				.isEqualTo(OffsetDateTime.parse("2026-10-01T09:00:00Z").toInstant());
			assertThat(fake.licenseKeys()).singleElement()
				.satisfies((key) -> assertThat(key.key()).startsWith("TEAM-"));
		}
	}

}
