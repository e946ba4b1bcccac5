/**
 * Auto-configuration of usage metering: {@code PolarUsage} and its sender from
 * {@code polar.metering.*}.
 */
@NullMarked
package dev.polarspring.autoconfigure.metering;

import org.jspecify.annotations.NullMarked;
