package com.example.readme;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static com.example.readme.Poms.read;
import static com.example.readme.Poms.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minimal application's pom (README.md, "Installation") builds against this project
 * as it is: the same Spring Boot, the project's version of the starter and the test
 * support, and the formatter of the other modules.
 */
class ExamplesPomTests {

	@Test
	void theExamplesUseTheProjectsBootAndVersion() throws Exception {
		Document root = read("pom.xml");
		Document examples = read("examples/pom.xml");
		assertThat(text(examples, "/project/parent/version")).as("Spring Boot of examples/pom.xml")
			.isEqualTo(text(root, "/project/parent/version"));
		String version = text(root, "/project/version");
		for (String artifact : new String[] { "polar-spring-boot-starter", "polar-spring-boot-test" }) {
			assertThat(text(examples, "/project/dependencies/dependency[artifactId='" + artifact + "']/version"))
				.as("version of " + artifact + " in examples/pom.xml")
				.isEqualTo(version);
		}
		assertThat(text(examples, "/project/properties/spring-javaformat.version"))
			.as("spring-javaformat.version of examples/pom.xml")
			.isEqualTo(text(root, "/project/properties/spring-javaformat.version"));
	}

}
