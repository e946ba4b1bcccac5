package com.example.client;

// tag::builder[]
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.PolarServer;

public final class SandboxClient {

	/**
	 * A client of Polar's sandbox, with a token such as
	 * System.getenv("POLAR_ACCESS_TOKEN").
	 */
	public static PolarClient create(String accessToken) {
		return PolarClient.builder().accessToken(accessToken).server(PolarServer.SANDBOX).build();
	}
	// end::builder[]

	private SandboxClient() {
	}
	// tag::builder[]

}
// end::builder[]
