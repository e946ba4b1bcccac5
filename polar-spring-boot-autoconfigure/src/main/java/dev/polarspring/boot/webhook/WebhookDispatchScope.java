package dev.polarspring.boot.webhook;

/**
 * Runs the dispatch of one delivery: directly, or in a transaction when the application
 * has a transaction manager ({@code polar.webhook.dispatch-in-transaction}).
 */
@FunctionalInterface
public interface WebhookDispatchScope {

	/**
	 * Runs the dispatch on the calling thread, outside any transaction.
	 */
	WebhookDispatchScope DIRECT = Runnable::run;

	/**
	 * Runs the dispatch; whatever it throws propagates.
	 * @param dispatch calls the handler methods and publishes the event
	 */
	void run(Runnable dispatch);

}
