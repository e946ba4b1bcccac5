package dev.polarspring.benchmarks.load;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application under load: the starter's default endpoint and one slow listener.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class LoadApplication {

	@Bean
	SlowListener slowListener() {
		return new SlowListener();
	}

}
