package dev.polarspring.benchmarks.client;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RequestFactoryProvider;
import dev.polarspring.client.resource.ProductsListParams;

/**
 * What the list benchmarks share: the transports by name, the typed call, and the summary
 * of a series of measurements.
 */
final class ListCalls {

	static final String TOKEN = "polar_oat_BenchmarkToken";

	// Written, never read: keeps the JIT from dropping the calls measured.
	private static volatile @Nullable Object sink;

	private ListCalls() {
	}

	/**
	 * Returns a transport by name.
	 * @param name {@code jdk} or {@code http-components}
	 * @return the provider
	 */
	static RequestFactoryProvider transport(String name) {
		return switch (name) {
			case "jdk" -> RequestFactoryProvider.jdk();
			case "http-components" -> RequestFactoryProvider.httpComponents();
			default -> throw new IllegalArgumentException("A transport is jdk or http-components, not '" + name + "'");
		};
	}

	/**
	 * Returns the typed {@code products().list(limit 100)} against a stub, having checked
	 * once that the stub answers with 100 products.
	 * @param baseUrl the stub
	 * @param transport what the client sends through
	 * @return the call
	 */
	static Runnable typedList(String baseUrl, RequestFactoryProvider transport) {
		PolarClient polar = PolarClient.builder().accessToken(TOKEN).baseUrl(baseUrl).requestFactory(transport).build();
		ProductsListParams params = ProductsListParams.builder().limit(100).build();
		int items = polar.products().list(params).items().size();
		if (items != 100) {
			throw new IllegalStateException("The stub at " + baseUrl + " should answer with the corpus's page of 100 "
					+ "products; the client read " + items);
		}
		return () -> sink = polar.products().list(params);
	}

	/**
	 * Returns the median of a series.
	 * @param values the measurements
	 * @return the median, two decimals
	 */
	static String median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "%.2f", sorted[sorted.length / 2]);
	}

	/**
	 * Summarizes a series.
	 * @param values the measurements
	 * @return the median and the quartiles
	 */
	static String quartiles(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return String.format(Locale.ROOT, "%.2f (quartiles %.2f to %.2f)", sorted[n / 2], sorted[n / 4],
				sorted[(3 * n) / 4]);
	}

	/**
	 * Records a result, so that the JIT keeps the work that made it.
	 * @param result the result
	 */
	static void consume(@Nullable Object result) {
		sink = result;
	}

}
