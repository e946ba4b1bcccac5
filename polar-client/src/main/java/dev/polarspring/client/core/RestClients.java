package dev.polarspring.client.core;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

import dev.polarspring.client.RequestFactoryProvider;

/**
 * The {@link RestClient}s an executor sends through, one per read timeout, all built from
 * the same configured builder. Each is built the first time it is used and kept: the
 * client's own on the first request, rather than when the client is created, because
 * building it creates the HTTP client and with it the TLS context (the JDK's trust store
 * is read then), which would otherwise add to the startup of every application that has
 * the client but has not called Polar yet; one for a per-request timeout the first time
 * that timeout is used, since applications use few distinct values. Shared by an executor
 * and every executor derived from it.
 */
final class RestClients {

	// Beyond this many distinct per-request timeouts, clients are built per call rather
	// than kept.
	private static final int MAX_KEPT = 32;

	private final Supplier<RestClient.Builder> builder;

	private final RequestFactoryProvider requestFactories;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final SingletonSupplier<RestClient> standard;

	private final ConcurrentMap<Duration, RestClient> byReadTimeout = new ConcurrentHashMap<>();

	RestClients(Supplier<RestClient.Builder> builder, RequestFactoryProvider requestFactories, Duration connectTimeout,
			Duration readTimeout) {
		this.builder = builder;
		this.requestFactories = requestFactories;
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.standard = SingletonSupplier.of(() -> build(readTimeout));
	}

	Duration readTimeout(@Nullable Duration requested) {
		return (requested != null) ? requested : this.readTimeout;
	}

	Duration connectTimeout() {
		return this.connectTimeout;
	}

	RestClient forReadTimeout(Duration timeout) {
		if (timeout.equals(this.readTimeout)) {
			return this.standard.obtain();
		}
		RestClient kept = this.byReadTimeout.get(timeout);
		if (kept != null) {
			return kept;
		}
		if (this.byReadTimeout.size() >= MAX_KEPT) {
			return build(timeout);
		}
		return this.byReadTimeout.computeIfAbsent(timeout, this::build);
	}

	private RestClient build(Duration timeout) {
		return this.builder.get()
			.clone()
			.requestFactory(this.requestFactories.requestFactory(this.connectTimeout, timeout))
			.build();
	}

}
