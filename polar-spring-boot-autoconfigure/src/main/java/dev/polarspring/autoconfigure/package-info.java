/**
 * Spring Boot auto-configuration for the Polar API client: {@code polar.*} properties, a
 * bean per resource client, observations, health and secret masking.
 */
@NullMarked
package dev.polarspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
