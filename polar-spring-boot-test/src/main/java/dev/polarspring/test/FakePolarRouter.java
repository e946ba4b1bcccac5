package dev.polarspring.test;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;

/**
 * The WireMock extension behind the fake's catch-all stub: hands each request to
 * {@link FakePolarApi} and turns its answer into WireMock's. Applies only to stubs that
 * name it, so stubs a test adds answer as written.
 */
final class FakePolarRouter implements ResponseDefinitionTransformerV2 {

	static final String NAME = "fake-polar";

	private final FakePolarApi api;

	private final FakeFaults faults;

	FakePolarRouter(FakePolarApi api, FakeFaults faults) {
		this.api = api;
		this.faults = faults;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		FakeRequest fakeRequest = FakeRequest.of(request.getMethod().getName(), request.getUrl(),
				(name) -> request.containsHeader(name) ? request.getHeader(name) : null, request.getBody());
		FakeFaults.Fault fault = this.faults.decide(fakeRequest.method(), fakeRequest.path());
		@Nullable FakeError error = (fault != null) ? fault.error() : null;
		FakeResponse response = (error != null) ? FakeResponse.error(error) : this.api.handle(fakeRequest);
		ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
			.withStatus(response.status())
			.withHeader("Content-Type", response.contentType())
			.withBody(response.body());
		for (Map.Entry<String, String> header : response.headers().entrySet()) {
			builder.withHeader(header.getKey(), header.getValue());
		}
		@Nullable Duration delay = (fault != null) ? fault.delay() : null;
		if (delay != null) {
			// The request took effect above; only the answer is late.
			builder.withFixedDelay(Math.toIntExact(delay.toMillis()));
		}
		return builder.build();
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

}
