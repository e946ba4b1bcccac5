/**
 * Generates the resource clients of {@code polar-client} from the spec's operations: one
 * client class per {@code x-speakeasy-group}, one immutable params class per operation
 * with query parameters, and the {@code PolarResources} base class that
 * {@code PolarClient} extends.
 *
 * <p>
 * {@link dev.polarspring.codegen.operation.OperationReader} reads each operation into a
 * {@link dev.polarspring.codegen.operation.ResourceOperation} (names, parameters, body,
 * response, security); {@link dev.polarspring.codegen.operation.ResourceNames} holds the
 * naming rules; the generators turn the result into sources.
 */
@NullMarked
package dev.polarspring.codegen.operation;

import org.jspecify.annotations.NullMarked;
