/**
 * Spring TestContext support: {@link dev.polarspring.test.context.AutoConfigureFakePolar}
 * starts a {@link dev.polarspring.test.FakePolar} for a test's application context and
 * points the application's Polar client at it.
 */
@NullMarked
package dev.polarspring.test.context;

import org.jspecify.annotations.NullMarked;
