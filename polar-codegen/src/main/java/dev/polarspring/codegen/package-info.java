/**
 * The generator that turns Polar's OpenAPI spec into the Java sources of
 * {@code polar-client}.
 *
 * <p>
 * The pieces a source generator builds on: {@link dev.polarspring.codegen.OpenApiSpec}
 * (the loaded spec), {@link dev.polarspring.codegen.Reachability} (which schemas the API
 * uses), {@link dev.polarspring.codegen.Naming} (how spec names become Java names),
 * {@link dev.polarspring.codegen.ModelTypes} (every generated type and its name) and
 * {@link dev.polarspring.codegen.TypeResolver} (any schema to a JavaPoet type).
 */
@NullMarked
package dev.polarspring.codegen;

import org.jspecify.annotations.NullMarked;
