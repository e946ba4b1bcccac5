/**
 * What applications use of the Polar starter beside the client itself: the
 * {@link PolarClientCustomizer} callback applied to the auto-configured client's builder.
 */
@NullMarked
package dev.polarspring.boot;

import org.jspecify.annotations.NullMarked;
