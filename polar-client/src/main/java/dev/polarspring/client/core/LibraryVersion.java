package dev.polarspring.client.core;

/**
 * The version of this library, read once from the jar manifest's
 * {@code Implementation-Version}; "dev" when running from classes outside a jar (tests,
 * an IDE).
 */
final class LibraryVersion {

	private static final String VERSION = read();

	private LibraryVersion() {
	}

	static String get() {
		return VERSION;
	}

	static String userAgent() {
		return "polar-spring-boot/" + VERSION;
	}

	private static String read() {
		String version = LibraryVersion.class.getPackage().getImplementationVersion();
		return (version != null && !version.isBlank()) ? version : "dev";
	}

}
