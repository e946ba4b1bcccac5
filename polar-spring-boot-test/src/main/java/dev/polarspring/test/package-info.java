/**
 * Test support for applications that use Polar: {@link dev.polarspring.test.FakePolar}, a
 * fake Polar API on WireMock with a working checkout page, and
 * {@link dev.polarspring.test.PolarWebhookTestClient}, which sends signed webhook
 * deliveries to an application.
 */
@NullMarked
package dev.polarspring.test;

import org.jspecify.annotations.NullMarked;
