package dev.polarspring.boot.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Maps a method to a Polar webhook endpoint: {@code POST} deliveries to the path are
 * verified with the endpoint's secret before the method runs, then every verified event
 * is also published to {@code @EventListener} methods.
 *
 * <pre class="code">
 * &#64;Component
 * class Fulfilment {
 *
 *     &#64;PolarWebhook("/polar/webhooks")
 *     void on(OrderPaidEvent event) {
 *         ship(event.data());
 *     }
 *
 * }
 * </pre>
 *
 * <p>
 * The method sits on any bean, a controller or not, and returns {@code void}. It takes no
 * parameter, or one: {@code PolarWebhookEvent} to see every delivery, or one event type
 * (such as {@code OrderPaidEvent}) to run only for that type. Several methods may share a
 * path.
 *
 * <p>
 * The path is absolute: a class-level {@code @RequestMapping} does not prefix it. The
 * secret is the one configured for that path:
 * {@code polar.webhook.endpoints.<name>.secret} of the endpoint whose {@code path} it is,
 * otherwise {@code polar.webhook.secret}. Startup fails with a message naming the method
 * when no secret applies.
 *
 * <p>
 * The endpoint answers itself, the method never writes the response: 202 once the method
 * and the listeners returned, 403 for a delivery not signed with the secret, 400 for a
 * signed body that is not an event, 413 for a body over
 * {@code polar.webhook.max-body-size}, 202 for a {@code webhook-id} already processed
 * (the method does not run again), 409 while the same delivery is being processed, and
 * 500 with an empty body when the method or a listener throws, so Polar retries.
 *
 * @see WebhookEndpointSettings
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PolarWebhook {

	/**
	 * Alias for {@link #path()}.
	 * @return the path deliveries are posted to
	 */
	@AliasFor("path")
	String value() default "";

	/**
	 * The path Polar posts deliveries to, within the application (without the context
	 * path), such as {@code /polar/webhooks}; {@code polar.webhook.path} when empty.
	 * Placeholders such as {@code ${app.polar.webhook-path}} are resolved.
	 * @return the path deliveries are posted to
	 */
	@AliasFor("value")
	String path() default "";

}
