/**
 * Auto-configuration of Polar webhook endpoints from {@code polar.webhook.*}; the
 * endpoints, the annotation and the deduplication stores themselves are in
 * {@code dev.polarspring.boot.webhook}.
 */
@NullMarked
package dev.polarspring.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
