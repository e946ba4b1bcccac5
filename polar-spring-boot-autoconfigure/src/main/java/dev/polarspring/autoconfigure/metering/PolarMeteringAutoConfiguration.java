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
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	@Bean
	@ConditionalOnMissingBean
	UsageSender polarUsageSender(EventsClient events, PolarMeteringProperties properties,
			ObjectProvider<PolarProperties> polarProperties,
			ObjectProvider<ThreadPoolTaskSchedulerBuilder> schedulerBuilder, ObjectProvider<UsageMetrics> metrics,
			ApplicationEventPublisher publisher) {
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
