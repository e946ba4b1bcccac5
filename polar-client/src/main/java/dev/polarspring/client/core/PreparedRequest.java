package dev.polarspring.client.core;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One call's HTTP request, prepared once by {@link RequestPreparer} and sent once per
 * attempt.
 *
 * @param operation the operation
 * @param uri the full URL, query included
 * @param headers every header, the bearer token included
 * @param body the encoded body, or {@code null} for none
 * @param readTimeout how long each attempt waits for the answer
 * @param restClient the client whose request factory has that read timeout
 */
record PreparedRequest(ApiOperation operation, URI uri, HttpHeaders headers, @Nullable EncodedBody body,
		Duration readTimeout, RestClient restClient) {

	// The attribute RestClient reads to tag its own http.client.requests observation with
	// a template.
	private static final String URI_TEMPLATE_ATTRIBUTE = RestClient.class.getName() + ".uriTemplate";

	/**
	 * Sends the request once and reads the answer.
	 * @param <T> the answer's type
	 * @param decoder reads the answer, or throws for an error status
	 * @param statusListener told the status before the answer is read
	 * @return the decoded answer; {@code null} where {@link ResponseDecoder} answers none
	 * @throws RestClientException if the exchange failed at the transport level
	 */
	// RestClient's ExchangeFunction is declared <T extends @Nullable Object>, so the
	// lambda
	// may answer null; NullAway reads that bound only in JSpecify mode (JDK 22+).
	@SuppressWarnings("NullAway")
	<T> @Nullable T send(ResponseDecoder<T> decoder, IntConsumer statusListener) {
		RestClient.RequestBodySpec spec = this.restClient.method(this.operation.method())
			.uri(this.uri)
			.headers((headers) -> headers.putAll(this.headers))
			.attribute(URI_TEMPLATE_ATTRIBUTE, this.operation.pathTemplate());
		if (this.body != null) {
			spec.contentType(this.body.contentType());
			spec.contentLength(this.body.length());
			spec.body(this.body);
		}
		boolean streamed = decoder.streamed();
		return spec.exchange((request, response) -> read(response, decoder, statusListener, streamed), !streamed);
	}

	private static <T> @Nullable T read(ClientHttpResponse response, ResponseDecoder<T> decoder,
			IntConsumer statusListener, boolean streamed) throws IOException {
		try {
			int status = response.getStatusCode().value();
			statusListener.accept(status);
			return decoder.decode(response, status);
		}
		catch (IOException | RuntimeException ex) {
			// A streamed answer is closed by its reader, so a failure must close it here.
			if (streamed) {
				response.close();
			}
			throw ex;
		}
	}

	@Override
	public String toString() {
		// Headers carry the token and the URL path parameters, which can be secrets.
		return "PreparedRequest[" + this.operation.method() + " " + this.operation.pathTemplate() + " ("
				+ this.operation.id() + ")]";
	}

}
