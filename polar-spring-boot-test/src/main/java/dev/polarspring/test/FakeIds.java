package dev.polarspring.test;

import java.util.Random;
import java.util.UUID;

/**
 * Makes the ids and secrets of a fake Polar. Seeded, so a fake started with the same
 * catalog hands out the same ids in every run, which keeps test output and snapshots
 * stable.
 */
final class FakeIds {

	private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final String KEY_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final long seed;

	private Random random;

	FakeIds(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
	}

	/** Starts the sequence again from the seed. */
	synchronized void reset() {
		this.random = new Random(this.seed);
	}

	/** A random (version 4) UUID, as Polar uses for every id. */
	synchronized String uuid() {
		long most = (this.random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least).toString();
	}

	/**
	 * A secret such as {@code polar_c_...}, the shape of Polar's client secrets and
	 * tokens.
	 */
	synchronized String secret(String prefix, int length) {
		StringBuilder secret = new StringBuilder(prefix);
		for (int i = 0; i < length; i++) {
			secret.append(ALPHANUMERIC.charAt(this.random.nextInt(ALPHANUMERIC.length())));
		}
		return secret.toString();
	}

	/**
	 * A license key such as {@code DESK-7F3K-...}: the prefix and four groups of four.
	 */
	synchronized String licenseKey(String prefix) {
		StringBuilder key = new StringBuilder(prefix);
		for (int group = 0; group < 4; group++) {
			key.append('-');
			for (int i = 0; i < 4; i++) {
				key.append(KEY_CHARACTERS.charAt(this.random.nextInt(KEY_CHARACTERS.length())));
			}
		}
		return key.toString();
	}

}
