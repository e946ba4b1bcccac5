package dev.polarspring.client.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.PolarDecodingException;

/**
 * Reads one answer: a 2xx body as the {@link ResponseType} asks (nothing, text, a stream
 * the caller closes, or JSON), anything else as the {@link PolarApiException} of its
 * status. Neither the body nor Jackson's message, which quotes it, reaches an exception.
 *
 * @param <T> the answer's type
 */
final class ResponseDecoder<T> {

	// The executor's logger, so that one logging level covers the whole call.
	private static final Logger logger = LoggerFactory.getLogger(ApiExecutor.class);

	private final String operationId;

	private final ResponseType<T> type;

	private final ApiErrorDecoder errorDecoder;

	ResponseDecoder(String operationId, ResponseType<T> type, ApiErrorDecoder errorDecoder) {
		this.operationId = operationId;
		this.type = type;
		this.errorDecoder = errorDecoder;
	}

	/**
	 * Returns whether the answer is handed to the caller as a stream, so the connection
	 * stays open after {@link #decode}.
	 * @return {@code true} for {@link ResponseType#stream()}
	 */
	boolean streamed() {
		return this.type.kind() == ResponseType.Kind.STREAM;
	}

	/**
	 * Reads the answer.
	 * @param response the answer
	 * @param status its status code
	 * @return the decoded answer; {@code null} for {@link ResponseType#none()} and for a
	 * JSON type when Polar answered 204 or a bodiless 202
	 * @throws PolarApiException if the status is not 2xx
	 * @throws PolarDecodingException if the body is not what the type expects
	 * @throws IOException if reading the body failed
	 */
	@SuppressWarnings("unchecked")
	@Nullable T decode(ClientHttpResponse response, int status) throws IOException {
		if (status < 200 || status >= 300) {
			byte[] errorBody = response.getBody().readAllBytes();
			if (logger.isTraceEnabled()) {
				logger.trace("{} error body: {}", this.operationId, RedactedBody.of(errorBody));
			}
			throw this.errorDecoder.decode(this.operationId, status, response.getHeaders(), errorBody);
		}
		return switch (this.type.kind()) {
			case NONE -> null;
			case STREAM -> (T) new ResponseStream(response);
			case TEXT -> (T) new String(response.getBody().readAllBytes(), charset(response.getHeaders()));
			case JSON -> decodeJson(response.getBody(), status);
		};
	}

	private @Nullable T decodeJson(InputStream body, int status) throws IOException {
		// An empty 200 or 201 is not treated like a 204: a null where a model was
		// promised
		// would only fail later, far from the cause.
		if (status == 204) {
			return null;
		}
		InputStream input = body;
		if (status == 202) {
			// Some 202s carry a body and some do not, and the length is not always
			// announced.
			PushbackInputStream peeking = new PushbackInputStream(body, 1);
			int first = peeking.read();
			if (first < 0) {
				return null;
			}
			peeking.unread(first);
			input = peeking;
		}
		try {
			if (logger.isTraceEnabled()) {
				// The body is logged, so it is read whole first.
				byte[] bytes = input.readAllBytes();
				logger.trace("{} response body: {}", this.operationId, RedactedBody.of(bytes));
				return this.type.reader().readValue(bytes);
			}
			// Decoded as the bytes arrive; PolarJson's parser keeps a buffer in which a
			// union looks ahead in the objects it holds whole.
			return this.type.reader().readValue(input);
		}
		catch (JacksonIOException ex) {
			// The body could not be read: a failure of the exchange, not of the JSON.
			IOException cause = ex.getCause();
			throw (cause != null) ? cause : new IOException(ex.getMessage(), ex);
		}
		catch (JacksonException ex) {
			// Neither Jackson's message nor the exception itself is kept: both quote the
			// body.
			throw new PolarDecodingException(
					this.operationId + " answered a body that is not a valid " + this.type + ": "
							+ DecodingFailure.describe(ex) + " (is Polar-Version right for this client?)",
					this.operationId, null);
		}
	}

	private static Charset charset(HttpHeaders headers) {
		MediaType contentType = headers.getContentType();
		return (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
				: StandardCharsets.UTF_8;
	}

	/**
	 * A response body handed to the caller: closing it releases the connection.
	 */
	private static final class ResponseStream extends FilterInputStream {

		private final ClientHttpResponse response;

		ResponseStream(ClientHttpResponse response) throws IOException {
			super(response.getBody());
			this.response = response;
		}

		@Override
		public void close() throws IOException {
			try {
				super.close();
			}
			finally {
				this.response.close();
			}
		}

	}

}
