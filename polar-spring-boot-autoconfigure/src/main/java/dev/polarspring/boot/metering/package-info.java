/**
 * Usage metering for Polar's usage-based billing: {@link PolarUsage#record} buffers an
 * event in memory and returns at once; one background {@link UsageSender} ingests the
 * events in batches, each with an {@code external_id} so a retried batch never counts
 * twice, backs off on 429 and 5xx, sets aside the events Polar refuses (reported as
 * {@link UsageRejectedEvent}s), and flushes what is buffered when the application stops.
 * The auto-configuration in {@code dev.polarspring.autoconfigure.metering} wires these
 * from {@code polar.metering.*}.
 */
@NullMarked
package dev.polarspring.boot.metering;

import org.jspecify.annotations.NullMarked;
