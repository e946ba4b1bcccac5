/**
 * The unchecked exceptions every Polar call may throw:
 * {@link dev.polarspring.client.error.PolarApiException} and one subclass per HTTP status
 * family for answers Polar rejected, plus
 * {@link dev.polarspring.client.error.PolarIoException} and
 * {@link dev.polarspring.client.error.PolarDecodingException} for calls that never
 * produced a usable answer. No message or {@code toString()} ever contains a token or a
 * secret.
 */
@NullMarked
package dev.polarspring.client.error;

import org.jspecify.annotations.NullMarked;
