/**
 * Failure analyzers that turn the starter's startup failures into Spring Boot's
 * "APPLICATION FAILED TO START" report: what is wrong, naming the property as written,
 * and what to do. Registered in {@code META-INF/spring.factories}.
 */
@NullMarked
package dev.polarspring.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
