/**
 * The sample store's application class.
 */
@NullMarked
package dev.polarspring.sample;

import org.jspecify.annotations.NullMarked;
