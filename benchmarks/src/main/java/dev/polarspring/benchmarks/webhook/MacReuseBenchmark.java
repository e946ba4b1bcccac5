package dev.polarspring.benchmarks.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the verifier gets a {@link Mac} for each delivery, since a {@code Mac} is not
 * thread-safe: a fresh instance initialised with the key, a clone of an initialised
 * prototype (what the verifier does), or one instance per thread. Each computes
 * HMAC-SHA256 over a 4 KB body.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MacReuseBenchmark {

	private static final String ALGORITHM = "HmacSHA256";

	private final byte[] body = new byte[4096];

	private SecretKeySpec key;

	private Mac prototype;

	private ThreadLocal<Mac> perThread;

	@Setup(Level.Trial)
	public void setUp() throws GeneralSecurityException {
		Arrays.fill(this.body, (byte) 'x');
		this.key = new SecretKeySpec("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".getBytes(StandardCharsets.UTF_8),
				ALGORITHM);
		this.prototype = Mac.getInstance(ALGORITHM);
		this.prototype.init(this.key);
		this.perThread = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance(ALGORITHM);
				mac.init(this.key);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@Benchmark
	public byte[] newInstance() throws GeneralSecurityException {
		Mac mac = Mac.getInstance(ALGORITHM);
		mac.init(this.key);
		return mac.doFinal(this.body);
	}

	@Benchmark
	public byte[] clonePrototype() throws CloneNotSupportedException {
		Mac mac = (Mac) this.prototype.clone();
		return mac.doFinal(this.body);
	}

	@Benchmark
	public byte[] threadLocal() {
		// doFinal resets the Mac, ready for the thread's next delivery.
		return this.perThread.get().doFinal(this.body);
	}

}
