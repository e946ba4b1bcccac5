package dev.polarspring.client.core;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * What kind of transport failure ended an attempt, which decides whether a POST may be
 * retried: only a request that was never sent is safe to send again.
 */
enum TransportFailure {

	/**
	 * The connection could not be made (refused, unknown host, no route, connect
	 * timeout): the request never reached Polar.
	 */
	NOT_SENT,

	/**
	 * The answer did not come within the read timeout; Polar may have processed the
	 * request.
	 */
	READ_TIMEOUT,

	/**
	 * The connection failed after the request may have been sent (reset, closed early).
	 */
	INTERRUPTED_EXCHANGE;

	private static final String HTTP_COMPONENTS_CONNECT_TIMEOUT = "org.apache.hc.client5.http.ConnectTimeoutException";

	private static final String HTTP_COMPONENTS_POOL_TIMEOUT = "org.apache.hc.core5.http.ConnectionRequestTimeoutException";

	/**
	 * Classifies a failure by the first telling exception in its cause chain.
	 * @param failure the exception the transport threw
	 * @return the kind of failure
	 */
	static TransportFailure of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException || cause instanceof HttpConnectTimeoutException
					|| isConnectTimeout(cause)) {
				return NOT_SENT;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
					|| cause instanceof TimeoutException) {
				return READ_TIMEOUT;
			}
		}
		return INTERRUPTED_EXCHANGE;
	}

	private static @Nullable Throwable next(Throwable cause) {
		Throwable next = cause.getCause();
		return (next != cause) ? next : null;
	}

	private static boolean isConnectTimeout(Throwable cause) {
		// Apache HttpClient's own exceptions (it is an optional dependency, hence the
		// names): no connection within the connect timeout, or none free in the pool
		// within the connection request timeout.
		String type = cause.getClass().getName();
		if (type.equals(HTTP_COMPONENTS_CONNECT_TIMEOUT) || type.equals(HTTP_COMPONENTS_POOL_TIMEOUT)) {
			return true;
		}
		// The JDK's URLConnection reports a connect timeout only through the message.
		String message = cause.getMessage();
		return cause instanceof SocketTimeoutException && message != null
				&& message.toLowerCase(Locale.ROOT).contains("connect timed out");
	}

	/**
	 * Returns whether the request is known not to have reached Polar.
	 * @return {@code true} for {@link #NOT_SENT}
	 */
	boolean notSent() {
		return this == NOT_SENT;
	}

	/**
	 * Returns whether the failure was a timeout.
	 * @return {@code true} for {@link #READ_TIMEOUT}
	 */
	boolean timedOut() {
		return this == READ_TIMEOUT;
	}

}
