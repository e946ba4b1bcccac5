package dev.polarspring.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test's application context against a {@link dev.polarspring.test.FakePolar}: the
 * fake starts with the context, {@code polar.base-url} points at it,
 * {@code polar.access-token} is a dummy token, and the fake is a bean the test can
 * inject. After each test method the fake is
 * {@linkplain dev.polarspring.test.FakePolar#reset() reset}, so tests sharing a context
 * do not see each other's checkouts, orders or stubs.
 *
 * <pre class="code">
 * &#64;SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "polar.webhook.secret=whsec_test")
 * &#64;AutoConfigureFakePolar
 * class StoreTests {
 *     &#64;Autowired FakePolar fake;
 *     &#64;Autowired ProductsClient products;
 *     ...
 * }
 * </pre>
 *
 * <p>
 * When the application runs on a real port and has a webhook secret
 * ({@code polar.webhook.secret}), the fake sends its webhooks (after a payment, for
 * instance) to the application's endpoint ({@code polar.webhook.path}) signed with that
 * secret. With MockMvc, call
 * {@code fake.deliverWebhooksTo(PolarWebhookTestClient.mockMvc(mockMvc, secret))}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakePolar {

	/**
	 * Whether the fake sends its webhooks to the application's endpoint once the
	 * application runs on a port.
	 * @return {@code true} to send them
	 */
	boolean deliverWebhooks() default true;

}
