package dev.polarspring.benchmarks.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures what the starter adds to the startup of {@link MinimalWebApp}: whole-process
 * runs (JVM start to exit) with {@code -Dspring.context.exit=onRefresh}, which halts once
 * every singleton exists, alternately without and with the starter on the classpath (with
 * an access token and a webhook secret set, so the client and the webhook endpoint are
 * configured), and the median of each. Each run also reports the JVM's uptime and the
 * main thread's CPU time where the refresh halts; the medians of their differences run by
 * run (each pair started back to back) are steadier on a shared machine than the medians
 * of the whole processes.
 *
 * <p>
 * The two classpaths are the ones the benchmarks build writes: the web application's
 * dependencies alone, and the same with the starter and everything it brings.
 *
 * <pre>{@code
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *     dev.polarspring.benchmarks.startup.StartupTimes benchmarks/target 7
 * }</pre>
 */
public final class StartupTimes {

	private static final List<String> ARGUMENTS = List.of("--server.port=0",
			"--polar.access-token=polar_oat_StartupBenchmark",
			"--polar.webhook.secret=whsec_U3RhcnR1cEJlbmNobWFya1NlY3JldDEyMzQ1Njc4");

	private StartupTimes() {
	}

	/**
	 * Runs the measurement.
	 * @param args the benchmarks module's {@code target} directory, then the number of
	 * runs of each kind (7 if absent)
	 * @throws Exception if a run cannot be started or fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("Usage: StartupTimes <benchmarks/target> [runs]");
			System.exit(2);
		}
		Path target = Path.of(args[0]);
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		String without = classpath(target, "startup-classpath-without-starter.txt");
		String with = classpath(target, "startup-classpath-with-starter.txt");
		check("without the starter", without, 0);
		check("with the starter", with, 1);
		// One untimed run of each, so that both start from the same warm file cache.
		time(without);
		time(with);
		List<Run> withoutRuns = new ArrayList<>();
		List<Run> withRuns = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			// Alternate the order, so that neither kind always runs right after the
			// other.
			boolean withoutFirst = run % 2 == 1;
			Run first = time(withoutFirst ? without : with);
			Run second = time(withoutFirst ? with : without);
			Run withoutRun = withoutFirst ? first : second;
			Run withRun = withoutFirst ? second : first;
			withoutRuns.add(withoutRun);
			withRuns.add(withRun);
			System.out.printf(Locale.ROOT,
					"run %d: without %.3f s (uptime %d ms, main thread %d ms CPU), with %.3f s (%d ms, %d ms)%n", run,
					withoutRun.seconds(), withoutRun.uptimeMillis(), withoutRun.mainCpuMillis(), withRun.seconds(),
					withRun.uptimeMillis(), withRun.mainCpuMillis());
		}
		double withoutMedian = median(withoutRuns.stream().map(Run::seconds).toList());
		double withMedian = median(withRuns.stream().map(Run::seconds).toList());
		System.out.printf(Locale.ROOT, "median of %d: without the starter %.3f s, with it %.3f s: %+.0f ms%n", runs,
				withoutMedian, withMedian, (withMedian - withoutMedian) * 1000);
		// Differences run by run, each pair started back to back, cancel most of the
		// machine's drift; the main thread's CPU time leaves out the JIT and GC threads.
		List<Double> uptimes = new ArrayList<>();
		List<Double> cpus = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			uptimes.add((double) (withRuns.get(run).uptimeMillis() - withoutRuns.get(run).uptimeMillis()));
			cpus.add((double) (withRuns.get(run).mainCpuMillis() - withoutRuns.get(run).mainCpuMillis()));
		}
		System.out.printf(Locale.ROOT,
				"median of the %d paired differences, with minus without: uptime %+.0f ms, main thread CPU %+.0f ms%n",
				runs, median(uptimes), median(cpus));
	}

	private static String classpath(Path target, String file) {
		try {
			return target.resolve("classes") + java.io.File.pathSeparator
					+ Files.readString(target.resolve(file), StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					target.resolve(file) + " is missing; build the benchmarks first (see benchmarks/README.md)", ex);
		}
	}

	/**
	 * Starts the application once, reporting its beans, and fails unless the starter's
	 * beans are there exactly when they should be.
	 */
	private static void check(String what, String classpath, int least) throws IOException, InterruptedException {
		Process process = command(classpath, "-D" + MinimalWebApp.REPORT_PROPERTY + "=true").redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		long beans = output.lines()
			.filter((line) -> line.startsWith(MinimalWebApp.REPORT_PREFIX))
			.mapToLong((line) -> Long.parseLong(line.substring(MinimalWebApp.REPORT_PREFIX.length()).trim()))
			.findFirst()
			.orElse(-1);
		boolean expected = (least == 0) ? beans == 0 : beans >= least;
		if (exit != 0 || !expected) {
			throw new IllegalStateException("The application " + what + " exited with " + exit + " and reported "
					+ beans + " polar beans; its output:\n" + output);
		}
		System.out.printf(Locale.ROOT, "%s: %d of the starter's beans%n", what, beans);
	}

	private static Run time(String classpath) throws IOException, InterruptedException {
		ProcessBuilder command = command(classpath, "-D" + MinimalWebApp.TIMES_PROPERTY + "=true")
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		long start = System.nanoTime();
		Process process = command.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		long elapsed = System.nanoTime() - start;
		if (exit != 0) {
			throw new IllegalStateException("A run exited with " + exit);
		}
		String[] times = output.lines()
			.filter((line) -> line.startsWith(MinimalWebApp.TIMES_PREFIX))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("A run printed no '" + MinimalWebApp.TIMES_PREFIX + "' line"))
			.substring(MinimalWebApp.TIMES_PREFIX.length())
			.trim()
			.split(" ");
		return new Run(elapsed / 1e9, Long.parseLong(times[0]), Long.parseLong(times[1]));
	}

	private static ProcessBuilder command(String classpath, String... options) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Dspring.context.exit=onRefresh");
		command.addAll(List.of(options));
		command.add("-cp");
		command.add(classpath);
		command.add(MinimalWebApp.class.getName());
		command.addAll(ARGUMENTS);
		return new ProcessBuilder(command);
	}

	/**
	 * One timed run.
	 *
	 * @param seconds the whole process, start to exit
	 * @param uptimeMillis the JVM's uptime where the refresh halts
	 * @param mainCpuMillis the main thread's CPU time by then
	 */
	private record Run(double seconds, long uptimeMillis, long mainCpuMillis) {
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
