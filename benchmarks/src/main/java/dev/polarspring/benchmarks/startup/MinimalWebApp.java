package dev.polarspring.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal Spring Boot web application (Spring MVC on Tomcat, one controller), started
 * by {@link StartupTimes} with and without the starter on its classpath.
 */
@SpringBootApplication
public class MinimalWebApp {

	/**
	 * Set to print how many of the starter's beans the context holds, once they exist.
	 */
	static final String REPORT_PROPERTY = "startup.report";

	/** What the report line starts with. */
	static final String REPORT_PREFIX = "polar beans: ";

	/**
	 * Set to print the JVM's uptime and the main thread's CPU time once every singleton
	 * exists, the last thing before {@code spring.context.exit=onRefresh} halts.
	 */
	static final String TIMES_PROPERTY = "startup.times";

	/** What the times line starts with, followed by the uptime and CPU time in ms. */
	static final String TIMES_PREFIX = "startup times: ";

	public static void main(String[] args) {
		SpringApplication.run(MinimalWebApp.class, args);
	}

	/**
	 * Reports the starter's beans when {@value #REPORT_PROPERTY} is set, so that
	 * {@link StartupTimes} can tell that each classpath starts what it should. It runs
	 * once every singleton exists, before {@code spring.context.exit=onRefresh} halts.
	 * @param beans the bean factory
	 * @return the reporter
	 */
	@Bean
	static SmartInitializingSingleton polarBeanReport(ConfigurableListableBeanFactory beans) {
		return () -> {
			if (Boolean.getBoolean(REPORT_PROPERTY)) {
				long count = Arrays.stream(beans.getBeanDefinitionNames()).filter((name) -> {
					Class<?> type = beans.getType(name, false);
					return type != null && type.getName().startsWith("dev.polarspring.")
							&& !type.getPackageName().equals(MinimalWebApp.class.getPackageName());
				}).count();
				System.out.println(REPORT_PREFIX + count);
			}
		};
	}

	/**
	 * Prints the times when {@value #TIMES_PROPERTY} is set: the context's lifecycle
	 * processor (in place of Boot's, the same for both classpaths) prints them when the
	 * refresh reaches it, the point where {@code spring.context.exit=onRefresh} halts the
	 * JVM.
	 * @return the lifecycle processor
	 */
	@Bean(name = AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME)
	static DefaultLifecycleProcessor lifecycleProcessor() {
		return new DefaultLifecycleProcessor() {

			@Override
			public void onRefresh() {
				if (Boolean.getBoolean(TIMES_PROPERTY)) {
					long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
					long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
					System.out.println(TIMES_PREFIX + uptime + " " + cpu);
					System.out.flush();
				}
				super.onRefresh();
			}

		};
	}

	/**
	 * The application's one endpoint.
	 */
	@RestController
	static class Greeting {

		@GetMapping("/")
		String greet() {
			return "Hello";
		}

	}

}
