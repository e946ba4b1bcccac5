/**
 * Benchmarks of the API client: typed calls through the generated resource clients
 * against the same call decoded into a JSON tree.
 */
@NullMarked
package dev.polarspring.benchmarks.client;

import org.jspecify.annotations.NullMarked;
