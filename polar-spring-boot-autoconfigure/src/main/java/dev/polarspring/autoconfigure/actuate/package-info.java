/**
 * Actuator integration for Polar: credential masking and the opt-in health contributor.
 */
@NullMarked
package dev.polarspring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
