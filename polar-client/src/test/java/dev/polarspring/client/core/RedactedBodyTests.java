package dev.polarspring.client.core;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedBodyTests {

	@Test
	void tokensAndSecretsAreMaskedAtAnyDepth() {
		String body = """
				{"id": "cs_1", "token": "polar_cst_secret1", "customer": {"name": "Ada"},
				 "items": [{"secret": "whsec_secret2", "access_token": "polar_at_secret3", "count": 1}]}""";
		String logged = RedactedBody.of(body.getBytes(StandardCharsets.UTF_8));
		assertThat(logged).doesNotContain("secret1", "secret2", "secret3").contains("\"name\":\"Ada\"", "\"count\":1");
	}

	@Test
	void textThatIsNotJsonIsShownAsIs() {
		assertThat(RedactedBody.of("id,amount\n1,2".getBytes(StandardCharsets.UTF_8))).isEqualTo("id,amount\n1,2");
	}

}
