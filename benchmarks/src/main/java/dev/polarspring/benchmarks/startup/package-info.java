/**
 * What the starter adds to the startup of a minimal Spring Boot web application.
 */
@NullMarked
package dev.polarspring.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
