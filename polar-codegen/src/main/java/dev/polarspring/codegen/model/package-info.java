/**
 * The source generators of the model: records, enums, unions, request builders, webhook
 * events and the index of generated model types.
 */
@NullMarked
package dev.polarspring.codegen.model;

import org.jspecify.annotations.NullMarked;
