package dev.polarspring.boot.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.error.InternalServerException;
import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.PolarException;
import dev.polarspring.client.error.PolarIoException;
import dev.polarspring.client.error.PolarTimeoutException;
import dev.polarspring.client.error.RateLimitException;
import dev.polarspring.client.error.UnprocessableEntityException;
import dev.polarspring.client.error.ValidationError;
import dev.polarspring.client.events.EventMetadata;
import dev.polarspring.client.events.IngestEvents;
import dev.polarspring.client.model.EventCreate;
import dev.polarspring.client.model.EventCreateCustomer;
import dev.polarspring.client.model.EventCreateExternalCustomer;
import dev.polarspring.client.model.EventsIngestResponse;
import dev.polarspring.client.resource.EventsClient;

/**
 * One ingest request: turns a batch into Polar's body, sends it once and says how it
 * ended.
 *
 * <p>
 * The client's own retries are off for these requests ({@code maxAttempts(1)}): the
 * client never repeats a POST that may have reached Polar, because most POSTs create
 * something twice. Ingest is the exception, as every event carries an {@code external_id}
 * Polar deduplicates by, so the sender retries it itself, on its own schedule, however
 * the earlier attempt ended.
 */
final class UsageIngest {

	private final EventsClient events;

	private final @Nullable String organizationId;

	private final RequestOptions options = RequestOptions.builder().maxAttempts(1).build();

	UsageIngest(EventsClient events, @Nullable String organizationId) {
		this.events = events;
		this.organizationId = organizationId;
	}

	/**
	 * Sends a batch once.
	 * @param batch the events
	 * @param timeout the time the request may take
	 */
	IngestOutcome send(List<UsageEvent> batch, Duration timeout) {
		List<EventCreate> creates = new ArrayList<>(batch.size());
		for (UsageEvent event : batch) {
			creates.add(create(event));
		}
		RequestOptions options = this.options.mutate().timeout(timeout).build();
		try {
			EventsIngestResponse response = this.events.ingest(IngestEvents.of(creates), options);
			Long duplicates = response.duplicates();
			return new IngestOutcome.Accepted(response.inserted(), (duplicates != null) ? duplicates : 0);
		}
		catch (UnprocessableEntityException ex) {
			return invalid(ex.getValidationErrors(), batch.size());
		}
		catch (RateLimitException ex) {
			return new IngestOutcome.Failed("rate_limited", "429 rate limited", ex.getRetryAfter().orElse(null), true);
		}
		catch (InternalServerException ex) {
			return new IngestOutcome.Failed("server_error", ex.getStatusCode() + " from Polar", null, true);
		}
		catch (PolarApiException ex) {
			if (ex.getStatusCode() == 413) {
				return new IngestOutcome.TooLarge();
			}
			return new IngestOutcome.Failed("client_error", ex.getStatusCode() + " " + ex.getClass().getSimpleName()
					+ ((ex.getDetail() != null) ? ": " + ex.getDetail() : ""), null, false);
		}
		catch (PolarTimeoutException ex) {
			return new IngestOutcome.Failed("timeout", "timed out", null, true);
		}
		catch (PolarIoException ex) {
			return new IngestOutcome.Failed("io_error", "I/O failure: " + ex.getMessage(), null, true);
		}
		catch (PolarException ex) {
			return new IngestOutcome.Failed("error", ex.getClass().getSimpleName() + ": " + ex.getMessage(), null,
					false);
		}
		catch (RuntimeException ex) {
			// The events are kept whatever broke; the next attempt may find it mended.
			return new IngestOutcome.Failed("error", ex.getClass().getName() + ": " + ex.getMessage(), null, false);
		}
	}

	private EventCreate create(UsageEvent event) {
		Instant timestamp = event.timestamp();
		String externalCustomerId = event.externalCustomerId();
		if (externalCustomerId != null) {
			EventCreateExternalCustomer.Builder builder = EventCreateExternalCustomer.builder()
				.name(event.name())
				.externalCustomerId(externalCustomerId)
				.externalId(event.externalId());
			if (timestamp != null) {
				builder.timestamp(OffsetDateTime.ofInstant(timestamp, ZoneOffset.UTC));
			}
			if (!event.metadata().isEmpty()) {
				builder.metadata(EventMetadata.of(event.metadata()));
			}
			if (this.organizationId != null) {
				builder.organizationId(this.organizationId);
			}
			return builder.build();
		}
		EventCreateCustomer.Builder builder = EventCreateCustomer.builder()
			.name(event.name())
			.customerId(String.valueOf(event.customerId()))
			.externalId(event.externalId());
		if (timestamp != null) {
			builder.timestamp(OffsetDateTime.ofInstant(timestamp, ZoneOffset.UTC));
		}
		if (!event.metadata().isEmpty()) {
			builder.metadata(EventMetadata.of(event.metadata()));
		}
		if (this.organizationId != null) {
			builder.organizationId(this.organizationId);
		}
		return builder.build();
	}

	/**
	 * Reads Polar's errors: {@code loc} is {@code ["body", "events", index, field...]}
	 * for an error of one event.
	 */
	private static IngestOutcome.Invalid invalid(List<ValidationError> errors, int size) {
		Map<Integer, String> reasons = new LinkedHashMap<>();
		StringJoiner summary = new StringJoiner("; ");
		boolean everyErrorNamesAnEvent = !errors.isEmpty();
		for (ValidationError error : errors) {
			List<String> loc = error.loc();
			Integer index = eventIndex(loc, size);
			String field = String.join(".", (index != null) ? loc.subList(3, loc.size()) : loc);
			String reason = (field.isEmpty() ? "" : field + ": ") + error.msg();
			summary.add(reason);
			if (index == null) {
				everyErrorNamesAnEvent = false;
			}
			else {
				reasons.merge(index, reason, (first, second) -> first + "; " + second);
			}
		}
		return new IngestOutcome.Invalid(everyErrorNamesAnEvent ? reasons : Map.of(),
				errors.isEmpty() ? "422 without validation errors" : summary.toString());
	}

	private static @Nullable Integer eventIndex(List<String> loc, int size) {
		if (loc.size() < 3 || !loc.get(0).equals("body") || !loc.get(1).equals("events")) {
			return null;
		}
		try {
			int index = Integer.parseInt(loc.get(2));
			return (index >= 0 && index < size) ? index : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
