/**
 * The machinery the generated resource clients call: operations, requests, query
 * encoding, the HTTP executor and the SDK's JSON mapper. Applications use
 * {@code dev.polarspring.client} instead.
 */
@NullMarked
package dev.polarspring.client.core;

import org.jspecify.annotations.NullMarked;
