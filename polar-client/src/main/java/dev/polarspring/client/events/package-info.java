/**
 * Helpers for Polar's event ingestion ({@code polar.events().ingest(...)}): request
 * bodies built in one line, with metadata from a {@code Map} checked against Polar's
 * rules where it is written ({@link dev.polarspring.client.events.IngestEvents},
 * {@link dev.polarspring.client.events.EventMetadata}).
 */
@NullMarked
package dev.polarspring.client.events;

import org.jspecify.annotations.NullMarked;
