package dev.polarspring.test;

import java.util.Map;

/**
 * Carries one signed webhook delivery to an application and answers with the HTTP status:
 * over a real connection or through MockMvc.
 */
@FunctionalInterface
interface WebhookTransport {

	int post(byte[] body, Map<String, String> headers);

}
