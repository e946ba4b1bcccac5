package com.example.readme;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static com.example.readme.Poms.read;
import static com.example.readme.Poms.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The POM metadata Maven Central requires: declared once in the root pom and inherited
 * (name and description in each published module), and a -sources.jar and a -javadoc.jar
 * made by every published module.
 */
class PublishedPomsTests {

	private static final String[] PUBLISHED = { "polar-client", "polar-spring-boot-autoconfigure",
			"polar-spring-boot-starter", "polar-spring-boot-test" };

	@Test
	void theRootPomHasWhatCentralRequires() throws Exception {
		Document root = read("pom.xml");
		assertThat(text(root, "/project/url")).startsWith("https://");
		assertThat(text(root, "/project/licenses/license/name")).isEqualTo("Apache-2.0");
		assertThat(text(root, "/project/licenses/license/url"))
			.isEqualTo("https://www.apache.org/licenses/LICENSE-2.0.txt");
		assertThat(text(root, "/project/developers/developer/name")).isNotBlank();
		assertThat(text(root, "/project/scm/connection")).startsWith("scm:git:");
		assertThat(text(root, "/project/scm/developerConnection")).startsWith("scm:git:");
		assertThat(text(root, "/project/scm/url")).isEqualTo(text(root, "/project/url"));
		assertThat(Poms.ROOT.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
	}

	@Test
	void eachPublishedModuleIsNamedDescribedAndShipsSourcesAndJavadoc() throws Exception {
		for (String module : PUBLISHED) {
			Document pom = read(module + "/pom.xml");
			assertThat(text(pom, "/project/name")).as("name of " + module).isEqualTo(module);
			assertThat(text(pom, "/project/description")).as("description of " + module).isNotBlank();
			String plugins = "/project/build/plugins/plugin/artifactId";
			boolean sourcesAndJavadoc = text(pom, "count(" + plugins + "[.='maven-source-plugin'])").equals("1")
					&& text(pom, "count(" + plugins + "[.='maven-javadoc-plugin'])").equals("1");
			boolean placeholders = text(pom, "count(//execution[configuration/classifier='sources'])").equals("1")
					&& text(pom, "count(//execution[configuration/classifier='javadoc'])").equals("1");
			assertThat(sourcesAndJavadoc || placeholders).as(module + " makes a -sources.jar and a -javadoc.jar")
				.isTrue();
		}
	}

}
