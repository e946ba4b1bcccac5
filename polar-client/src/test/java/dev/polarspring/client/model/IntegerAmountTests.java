package dev.polarspring.client.model;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.error.PolarDecodingException;
import dev.polarspring.client.webhook.MalformedWebhookPayloadException;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvents;
import dev.polarspring.client.webhook.WebhookDelivery;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Money is exact: an integer property (cents, counts) holding a fraction is refused, in
 * API answers and webhook payloads alike, instead of being truncated; big integers and
 * metadata values are read as Polar sent them.
 */
class IntegerAmountTests {

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final WebhookDelivery DELIVERY = new WebhookDelivery("msg_1", Instant.ofEpochSecond(1790001000));

	@Test
	void anApiAnswerWithAFractionalAmountIsADecodingErrorNamingTheProperty() throws IOException {
		ObjectNode order = order();
		order.put("total_amount", 1.9);
		polar.stubFor(
				get(urlPathEqualTo("/v1/orders/" + order.path("id").asString())).willReturn(okJson(order.toString())));
		assertThatExceptionOfType(PolarDecodingException.class)
			.isThrownBy(() -> client().orders().get(order.path("id").asString()))
			.withMessageContaining("total_amount")
			.withMessageNotContaining("1.9");
	}

	@Test
	void anApiAnswerWithIntegralAmountsIsReadExactly() throws IOException {
		ObjectNode order = order();
		// Above 2^53: a detour through double would change the last digit.
		order.put("total_amount", 9_007_199_254_740_993L);
		polar.stubFor(
				get(urlPathEqualTo("/v1/orders/" + order.path("id").asString())).willReturn(okJson(order.toString())));
		assertThat(client().orders().get(order.path("id").asString()).totalAmount()).isEqualTo(9_007_199_254_740_993L);
	}

	@Test
	void aWebhookWithAFractionalAmountIsMalformed() throws IOException {
		ObjectNode order = order();
		order.put("total_amount", 1.9);
		assertThatExceptionOfType(MalformedWebhookPayloadException.class)
			.isThrownBy(() -> PolarWebhookEvents.decode(orderPaid(order), DELIVERY))
			.withMessageContaining("total_amount");
	}

	@Test
	void aFractionalSubAmountIsRefusedToo() throws IOException {
		ObjectNode order = order();
		order.withArray("items").forEach((item) -> ((ObjectNode) item).put("amount", 900.5));
		assertThat(order.withArray("items")).isNotEmpty();
		assertThatExceptionOfType(MalformedWebhookPayloadException.class)
			.isThrownBy(() -> PolarWebhookEvents.decode(orderPaid(order), DELIVERY))
			.withMessageContaining("amount");
	}

	@Test
	void metadataKeepsFractionsAndBigIntegersAsSent() throws IOException {
		ObjectNode order = order();
		ObjectNode metadata = order.putObject("metadata");
		metadata.put("ratio", 1.9);
		metadata.put("big", new BigInteger("123456789012345678901234567890"));
		metadata.put("count", 3);
		OrderPaidEvent event = (OrderPaidEvent) PolarWebhookEvents.decode(orderPaid(order), DELIVERY);
		assertThat(event.data().metadata()).containsEntry("ratio", 1.9)
			.containsEntry("big", new BigInteger("123456789012345678901234567890"))
			.containsEntry("count", 3);
	}

	private static PolarClient client() {
		return PolarClient.builder()
			.baseUrl(polar.baseUrl())
			.accessToken("polar_oat_test")
			.retrySettings(RetrySettings.disabled())
			.build();
	}

	private static byte[] orderPaid(ObjectNode order) {
		ObjectNode payload = PolarJson.mapper().createObjectNode();
		payload.put("type", "order.paid");
		payload.put("timestamp", "2026-10-01T09:00:00Z");
		payload.set("data", order);
		return payload.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static ObjectNode order() throws IOException {
		try (InputStream in = IntegerAmountTests.class.getResourceAsStream("/webhook-vectors/deliveries.json")) {
			for (JsonNode vector : PolarJson.mapper().readTree(in).path("cases")) {
				if (vector.path("name").asString().equals("order.paid: valid")) {
					return (ObjectNode) PolarJson.mapper().readTree(vector.path("body").asString()).path("data");
				}
			}
		}
		throw new IllegalStateException("No order.paid vector");
	}

}
