package dev.polarspring.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.polarspring.autoconfigure.PolarAutoConfiguration;
import dev.polarspring.client.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PolarHealthIndicator} and its opt-in auto-configuration.
 */
class PolarHealthIndicatorTests {

	private static final String EMPTY_PAGE = "{\"items\":[],\"pagination\":{\"total_count\":0,\"max_page\":1}}";

	private final WireMockServer polar = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startPolar() {
		this.polar.start();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PolarAutoConfiguration.class, PolarActuatorAutoConfiguration.class))
			.withBean(Clock.class, () -> this.clock)
			.withPropertyValues("polar.base-url=" + this.polar.baseUrl(), "polar.access-token=polar_oat_health");
	}

	@AfterEach
	void stopPolar() {
		this.polar.stop();
	}

	@Test
	void offByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(PolarHealthIndicator.class));
	}

	@Test
	void upWhenPolarAcceptsTheTokenAndCachedForTheTimeToLive() {
		this.polar.stubFor(get(urlPathEqualTo("/v1/organizations/"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(EMPTY_PAGE)));
		this.contextRunner
			.withPropertyValues("management.health.polar.enabled=true", "management.health.polar.time-to-live=1m")
			.run((context) -> {
				PolarHealthIndicator indicator = context.getBean("polarHealthIndicator", PolarHealthIndicator.class);
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				this.polar.verify(1, getRequestedFor(urlPathEqualTo("/v1/organizations/")));
				this.clock.advance(Duration.ofSeconds(61));
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				this.polar.verify(2, getRequestedFor(urlPathEqualTo("/v1/organizations/")));
			});
	}

	@Test
	void downWhenPolarRejectsTheTokenAndNeverShowsIt() {
		this.polar.stubFor(get(urlPathEqualTo("/v1/organizations/")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"Unauthorized\",\"detail\":\"Invalid token\"}")));
		this.contextRunner.withPropertyValues("management.health.polar.enabled=true").run((context) -> {
			Health health = context.getBean(PolarHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("reason").toString()).contains("401");
			assertThat(health.toString()).doesNotContain("polar_oat_health");
			this.polar.verify(1, getRequestedFor(urlPathEqualTo("/v1/organizations/")));
		});
	}

	@Test
	void upWhenTheTokenLacksTheScopeOnly() {
		this.polar.stubFor(get(urlPathEqualTo("/v1/organizations/")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"InsufficientScopeError\",\"detail\":\"missing scope\"}")));
		this.contextRunner.withPropertyValues("management.health.polar.enabled=true")
			.run((context) -> assertThat(context.getBean(PolarHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP));
	}

	@Test
	void downWithoutATokenAndNothingSent() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PolarAutoConfiguration.class, PolarActuatorAutoConfiguration.class))
			.withPropertyValues("polar.base-url=" + this.polar.baseUrl(), "management.health.polar.enabled=true")
			.run((context) -> {
				Health health = context.getBean(PolarHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("reason", "polar.access-token is not set");
				assertThat(this.polar.getAllServeEvents()).isEmpty();
			});
	}

}
