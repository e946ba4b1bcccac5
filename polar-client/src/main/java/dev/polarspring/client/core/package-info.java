/**
 * The machinery the generated code calls: operations, requests, query encoding, the HTTP
 * executor and the SDK's JSON mapper for the resource clients; the readers of records and
 * unions ({@code PropertyNames}, {@code PropertyReader}, {@code VariantReader},
 * {@code VariantMatcher}, {@code SplitObjectDeserializer}, {@code RawProperty}) for the
 * model. Applications use {@code dev.polarspring.client} instead.
 */
@NullMarked
package dev.polarspring.client.core;

import org.jspecify.annotations.NullMarked;
