package dev.polarspring.autoconfigure.metering;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.polarspring.autoconfigure.PolarAutoConfiguration;
import dev.polarspring.autoconfigure.PolarProperties;
import dev.polarspring.boot.metering.MicrometerUsageMetrics;
import dev.polarspring.boot.metering.PolarUsage;
import dev.polarspring.boot.metering.UsageMetrics;
import dev.polarspring.boot.metering.UsageSender;
import dev.polarspring.client.resource.EventsClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Auto-configuration of usage metering: a {@link PolarUsage} to record with, and the
 * {@link UsageSender} that ingests what it records, from {@code polar.metering.*}.
 *
 * <p>
 * The sender runs on a scheduler of its own with one thread named
 * {@code polar-metering-}, built from Spring Boot's
 * {@link ThreadPoolTaskSchedulerBuilder} (so {@code ThreadPoolTaskSchedulerCustomizer}s
 * and a task decorator apply): its requests may take seconds, and the application's
 * {@code @Scheduled} tasks must not wait behind them. With Micrometer,
 * {@code polar.metering.*} meters count and time what it does. A {@link Clock} bean, when
 * there is exactly one, timestamps the events.
 */
@AutoConfiguration(after = { PolarAutoConfiguration.class, TaskSchedulingAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean(EventsClient.class)
@ConditionalOnBooleanProperty(name = "polar.metering.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PolarMeteringProperties.class)
public final class PolarMeteringAutoConfiguration {

	private static final String PHASE_TIMEOUT_PROPERTY = "spring.lifecycle.timeout-per-shutdown-phase";

	// Boot's default for spring.lifecycle.timeout-per-shutdown-phase.
	private static final Duration DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	@ConditionalOnMissingBean
	UsageSender polarUsageSender(EventsClient events, PolarMeteringProperties properties,
			ObjectProvider<PolarProperties> polarProperties,
			ObjectProvider<ThreadPoolTaskSchedulerBuilder> schedulerBuilder, ObjectProvider<UsageMetrics> metrics,
			ApplicationEventPublisher publisher, Environment environment) {
		requireShutdownWithinThePhaseTimeout(properties.getShutdownTimeout(), environment);
		ThreadPoolTaskScheduler scheduler = schedulerBuilder.getIfAvailable(ThreadPoolTaskSchedulerBuilder::new)
			.poolSize(1)
			.threadNamePrefix("polar-metering-")
			// The sender stops the scheduler from its own thread, after its last flush.
			.awaitTermination(false)
			.build();
		// A request may take as long as any call of the client; shorter while stopping.
		Duration requestTimeout = polarProperties.getObject().getReadTimeout();
		return new UsageSender(events, properties.toSettings(requestTimeout), scheduler,
				metrics.getIfAvailable(() -> UsageMetrics.NONE), publisher);
	}

	/**
	 * Spring stops waiting for a lifecycle phase after its timeout and goes on closing
	 * beans, the HTTP client among them: a last flush allowed longer would be cut short.
	 */
	private static void requireShutdownWithinThePhaseTimeout(Duration shutdownTimeout, Environment environment) {
		Duration phaseTimeout = Binder.get(environment)
			.bind(PHASE_TIMEOUT_PROPERTY, Duration.class)
			.orElse(DEFAULT_PHASE_TIMEOUT);
		if (shutdownTimeout.compareTo(phaseTimeout) >= 0) {
			throw new IllegalStateException("polar.metering.shutdown-timeout (" + shutdownTimeout
					+ ") must be shorter than " + PHASE_TIMEOUT_PROPERTY + " (" + phaseTimeout
					+ "), after which Spring stops waiting for the last flush of usage events and closes what it "
					+ "needs; lower polar.metering.shutdown-timeout or raise " + PHASE_TIMEOUT_PROPERTY);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	PolarUsage polarUsage(UsageSender sender, ObjectProvider<Clock> clock) {
		return new PolarUsage(sender, clock.getIfUnique(Clock::systemUTC));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(UsageMetrics.class)
		MicrometerUsageMetrics polarUsageMetrics(MeterRegistry registry) {
			return new MicrometerUsageMetrics(registry);
		}

		@Bean
		MeterBinder polarUsageBufferMetrics(UsageSender sender) {
			return (registry) -> Gauge.builder(MicrometerUsageMetrics.BUFFERED, sender, UsageSender::buffered)
				.description("Polar usage events waiting to be sent")
				.register(registry);
		}

	}

}
