package dev.polarspring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small store on Polar: products from Polar, checkout on Polar, access granted from
 * Polar's webhooks. Without {@code POLAR_ACCESS_TOKEN} it runs offline against a fake
 * Polar (see
 * {@link dev.polarspring.sample.offline.OfflinePolarEnvironmentPostProcessor}).
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Starts the store.
	 * @param args command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
