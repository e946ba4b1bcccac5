package dev.polarspring.client.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one-pass reading of a webhook body gives what reading it as a tree gives, and
 * leaves every other shape to the tree, with the tree's outcome.
 */
class WebhookPayloadReaderTests {

	private static final WebhookDelivery DELIVERY = new WebhookDelivery("msg_1", Instant.ofEpochSecond(1790001000));

	private static final String ORDER_PAID = "{\"type\":\"order.paid\",\"timestamp\":\"2026-09-01T00:00:00Z\",\"data\":";

	@TestFactory
	List<DynamicTest> everyValidVectorReadsInOnePassAsItsTreeReads() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (JsonNode vector : vectors().path("cases")) {
			if (!vector.path("expect").asString().equals("accepted")) {
				continue;
			}
			byte[] body = vector.path("body").asString().getBytes(StandardCharsets.UTF_8);
			tests.add(DynamicTest.dynamicTest(vector.path("name").asString(), () -> {
				PolarWebhookEvent event = PolarWebhookEvents.decode(body, DELIVERY);
				WebhookPayloadReader.Payload<ObjectReader> payload = WebhookPayloadReader.read(body,
						(type) -> dataReader(event.data().getClass()), Function.identity());
				JsonNode tree = PolarJson.mapper().readTree(body);
				assertThat(payload).isNotNull();
				assertThat(payload.type()).isEqualTo(tree.path("type").asString()).isEqualTo(event.type());
				assertThat(payload.timestamp()).isEqualTo(tree.path("timestamp").asString());
				Object fromTree = PolarJson.mapper().readerFor(event.data().getClass()).readValue(tree.path("data"));
				assertThat(payload.data()).isEqualTo(fromTree).isEqualTo(event.data());
				assertThat(event.timestamp()).isEqualTo(OffsetDateTime.parse(payload.timestamp()));
			}));
		}
		assertThat(tests).hasSizeGreaterThan(5);
		return tests;
	}

	@Test
	void dataBeforeTypeAnUnknownTypeOrARepeatedPropertyAreLeftToTheTree() {
		ObjectReader orders = dataReader(Order.class);
		String data = orderData();
		assertThat(read("{\"data\":" + data + ",\"type\":\"order.paid\",\"timestamp\":\"2026-09-01T00:00:00Z\"}"))
			.isNull();
		assertThat(read(ORDER_PAID + data + ",\"type\":\"order.paid\"}")).isNull();
		assertThat(read(ORDER_PAID + data + ",\"data\":" + data + "}")).isNull();
		assertThat(read(ORDER_PAID + "null}")).isNull();
		assertThat(WebhookPayloadReader.read(bytes(ORDER_PAID + data + "}"), (type) -> null, Function.identity()))
			.isNull();
		assertThat(WebhookPayloadReader.read(bytes(ORDER_PAID + data + "}"), (type) -> orders, Function.identity()))
			.isNotNull();
		// The tree reads them as before: the last of a repeated property counts.
		PolarWebhookEvent event = PolarWebhookEvents.decode(bytes("{\"data\":" + data
				+ ",\"type\":\"order.created\",\"timestamp\":\"2026-09-01T00:00:00Z\",\"type\":\"order.paid\"}"),
				DELIVERY);
		assertThat(event).isInstanceOf(OrderPaidEvent.class);
		assertThat(event.data()).isEqualTo(orders.readValue(data));
	}

	@Test
	void aBodyTheTreeRefusesIsRefusedWithTheTreesMessage() {
		String data = orderData();
		byte[] badUtf8 = concat(bytes("{\"type\":\"order.paid\",\"note\":\""), new byte[] { (byte) 0xC3, 0x28 },
				bytes("\",\"timestamp\":\"2026-09-01T00:00:00Z\",\"data\":" + data + "}"));
		byte[] controlCharacterInData = bytes(ORDER_PAID + data.replaceFirst("\\{", "{\"zz\":\"\u0001\",") + "}");
		for (byte[] body : List.of(bytes(ORDER_PAID + data + "} {}"), bytes(ORDER_PAID + data + "} x"), badUtf8,
				controlCharacterInData, bytes(ORDER_PAID + data.replaceFirst("\\{", "{\"zz\": 01,") + "}"))) {
			assertThat(WebhookPayloadReader.read(body, (type) -> dataReader(Order.class), Function.identity()))
				.isNull();
			assertThatExceptionOfType(MalformedWebhookPayloadException.class)
				.isThrownBy(() -> PolarWebhookEvents.decode(body, DELIVERY))
				.withMessageStartingWith("The webhook body is not valid JSON");
		}
	}

	@Test
	void aTimestampThatIsNotOneIsRefusedAsTheTreeRefusedIt() {
		assertThatExceptionOfType(MalformedWebhookPayloadException.class)
			.isThrownBy(() -> PolarWebhookEvents.decode(
					bytes("{\"type\":\"order.paid\",\"timestamp\":\"yesterday\",\"data\":" + orderData() + "}"),
					DELIVERY))
			.withMessage("The 'order.paid' webhook's 'timestamp' is not an ISO-8601 date-time with offset");
	}

	private static WebhookPayloadReader.@Nullable Payload<ObjectReader> read(String body) {
		return WebhookPayloadReader.read(bytes(body), (type) -> dataReader(Order.class), Function.identity());
	}

	private static ObjectReader dataReader(Class<?> type) {
		return PolarJson.mapper().readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	private static String orderData() {
		try {
			for (JsonNode vector : vectors().path("cases")) {
				if (vector.path("name").asString().equals("order.paid: valid")) {
					return PolarJson.mapper().readTree(vector.path("body").asString()).path("data").toString();
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("No order.paid vector");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static JsonNode vectors() throws IOException {
		try (InputStream in = WebhookPayloadReaderTests.class.getResourceAsStream("/webhook-vectors/deliveries.json")) {
			return PolarJson.mapper().readTree(in);
		}
	}

}
