/**
 * Benchmarks of usage metering: the cost of {@code PolarUsage.record} on the recording
 * threads, and the rate the sender ingests at, against a stub of Polar's ingest on the
 * loopback interface.
 */
@NullMarked
package dev.polarspring.benchmarks.metering;

import org.jspecify.annotations.NullMarked;
