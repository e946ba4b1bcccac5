package dev.polarspring.boot.metering;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buffer between recording and sending: bounded, in order, with the count each add
 * leaves, waits that end when room is made or the buffer closes.
 */
class UsageBufferTests {

	private static UsageEvent event(int n) {
		return new UsageEvent("e" + n, null, "user", "k" + n, 0, UsageEvent.NO_TIMESTAMP, Map.of());
	}

	@Test
	void addReportsTheCountAndTakeHandsOutOldestFirstAcrossTheRingsEnd() {
		UsageBuffer buffer = new UsageBuffer(3);
		assertThat(buffer.add(event(1), 0)).isEqualTo(1);
		assertThat(buffer.add(event(2), 0)).isEqualTo(2);
		assertThat(buffer.take(1)).extracting(UsageEvent::name).containsExactly("e1");
		assertThat(buffer.add(event(3), 0)).isEqualTo(2);
		assertThat(buffer.add(event(4), 0)).isEqualTo(3);
		assertThat(buffer.take(10)).extracting(UsageEvent::name).containsExactly("e2", "e3", "e4");
		assertThat(buffer.size()).isZero();
		assertThat(buffer.take(10)).isEmpty();
	}

	@Test
	void aFullBufferRefusesWithoutWaiting() {
		UsageBuffer buffer = new UsageBuffer(1);
		buffer.add(event(1), 0);
		assertThat(buffer.add(event(2), 0)).isEqualTo(UsageBuffer.FULL);
		assertThat(buffer.add(event(2), TimeUnit.MILLISECONDS.toNanos(20))).isEqualTo(UsageBuffer.FULL);
		assertThat(buffer.size()).isEqualTo(1);
	}

	@Test
	void aWaitingAddGoesInOnceATakeMakesRoom() throws Exception {
		UsageBuffer buffer = new UsageBuffer(1);
		buffer.add(event(1), 0);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			CountDownLatch started = new CountDownLatch(1);
			Future<Integer> waiting = executor.submit(() -> {
				started.countDown();
				return buffer.add(event(2), TimeUnit.MINUTES.toNanos(5));
			});
			started.await();
			assertThat(buffer.take(1)).extracting(UsageEvent::name).containsExactly("e1");
			assertThat(waiting.get(1, TimeUnit.MINUTES)).isEqualTo(1);
			assertThat(buffer.take(1)).extracting(UsageEvent::name).containsExactly("e2");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void closeHandsOutTheRestAndRefusesLaterAddsAndWaiters() throws Exception {
		UsageBuffer buffer = new UsageBuffer(1);
		buffer.add(event(1), 0);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<Integer> waiting = executor.submit(() -> buffer.add(event(2), TimeUnit.MINUTES.toNanos(5)));
			List<UsageEvent> rest = buffer.close();
			assertThat(rest).extracting(UsageEvent::name).containsExactly("e1");
			assertThat(waiting.get(1, TimeUnit.MINUTES)).isEqualTo(UsageBuffer.CLOSED);
			assertThat(buffer.add(event(3), 0)).isEqualTo(UsageBuffer.CLOSED);
			buffer.reopen();
			assertThat(buffer.add(event(4), 0)).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
		UsageBuffer buffer = new UsageBuffer(1);
		buffer.add(event(1), 0);
		Thread.currentThread().interrupt();
		try {
			assertThat(buffer.add(event(2), TimeUnit.MINUTES.toNanos(5))).isEqualTo(UsageBuffer.INTERRUPTED);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

}
