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
 * When the application has a webhook secret ({@code polar.webhook.secret}), the fake
 * sends its webhooks (after a payment, for instance) to the application's endpoint
 * ({@code polar.webhook.path}) signed with that secret: to its port when it runs on one,
 * else through its {@code MockMvc} bean ({@code @AutoConfigureMockMvc}). With neither (a
 * mock web environment without MockMvc, or no web application at all) a payment fails
 * with an {@link IllegalStateException} saying how to get deliveries, rather than sending
 * webhooks nowhere; {@code fake.deliverWebhooksTo(...)} chooses another target. Without a
 * secret the application has no endpoint, and the fake only records its webhooks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakePolar {

	/**
	 * Whether the fake sends its webhooks to the application's endpoint, through its port
	 * or its MockMvc; {@code false} records them without sending, as the fake does for an
	 * application without a webhook secret.
	 * @return {@code true} to send them
	 */
	boolean deliverWebhooks() default true;

}
