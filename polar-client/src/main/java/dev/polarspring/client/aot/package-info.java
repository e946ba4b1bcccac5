/**
 * Ahead-of-time (GraalVM native image) support for the client's generated types.
 */
@NullMarked
package dev.polarspring.client.aot;

import org.jspecify.annotations.NullMarked;
