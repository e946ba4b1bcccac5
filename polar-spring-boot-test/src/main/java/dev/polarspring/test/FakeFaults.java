package dev.polarspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The faults a test asked the fake Polar for that plain stubs cannot express: a share of
 * a route's requests failing at random, and requests that take effect but are answered
 * late. Consulted by {@link FakePolarRouter} for each request that reaches the fake's own
 * answers. Seeded, so a run repeats; thread-safe.
 */
final class FakeFaults {

	private static final Pattern ROUTE = Pattern.compile("^(GET|POST|PATCH|PUT|DELETE) (/\\S*)$");

	private final long seed;

	private final List<Rule> rules = new ArrayList<>();

	private Random random;

	FakeFaults(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
	}

	synchronized void failSome(String route, double share, FakeError error) {
		Assert.isTrue(share > 0 && share <= 1, () -> "share must be above 0 and at most 1, was " + share);
		Assert.notNull(error, "error must not be null");
		this.rules.add(new Rule(route(route), share, error, null, Integer.MAX_VALUE));
	}

	synchronized void delayNext(int times, String route, Duration delay) {
		Assert.isTrue(times >= 1, () -> "times must be at least 1, was " + times);
		Assert.isTrue(!delay.isNegative() && !delay.isZero(), () -> "delay must be positive, was " + delay);
		this.rules.add(new Rule(route(route), 1, null, delay, times));
	}

	/**
	 * Decides the fault of one request, if any: the first rule that matches and fires.
	 */
	synchronized @Nullable Fault decide(String method, String path) {
		for (Rule rule : this.rules) {
			if (rule.remaining > 0 && rule.matches(method, path)
					&& (rule.share >= 1 || this.random.nextDouble() < rule.share)) {
				rule.remaining--;
				return new Fault(rule.error, rule.delay);
			}
		}
		return null;
	}

	synchronized void reset() {
		this.rules.clear();
		this.random = new Random(this.seed);
	}

	private static Pattern[] route(String route) {
		Matcher matcher = ROUTE.matcher(route.trim());
		Assert.isTrue(matcher.matches(),
				() -> "route must be a method and a path such as 'POST /v1/events/ingest', was '" + route + "'");
		String path = matcher.group(2);
		String trimmed = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
		String regex = Pattern.quote(trimmed).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "/?";
		return new Pattern[] { Pattern.compile(matcher.group(1).toUpperCase(Locale.ROOT)), Pattern.compile(regex) };
	}

	/**
	 * What happens to one request: an error answer in place of the fake's, or the fake's
	 * answer after a delay.
	 */
	record Fault(@Nullable FakeError error, @Nullable Duration delay) {
	}

	private static final class Rule {

		private final Pattern[] route;

		private final double share;

		private final @Nullable FakeError error;

		private final @Nullable Duration delay;

		private int remaining;

		Rule(Pattern[] route, double share, @Nullable FakeError error, @Nullable Duration delay, int remaining) {
			this.route = route;
			this.share = share;
			this.error = error;
			this.delay = delay;
			this.remaining = remaining;
		}

		boolean matches(String method, String path) {
			return this.route[0].matcher(method).matches() && this.route[1].matcher(path).matches();
		}

	}

}
