package dev.polarspring.test;

/**
 * Ends a request to the fake Polar with an error answer, thrown where the fake finds the
 * request wrong (an unknown id, a missing field) and turned into the answer by
 * {@link FakePolarApi}.
 */
final class FakeApiException extends RuntimeException {

	private final FakeError error;

	FakeApiException(FakeError error) {
		super(error.toString(), null, false, false);
		this.error = error;
	}

	FakeError error() {
		return this.error;
	}

}
