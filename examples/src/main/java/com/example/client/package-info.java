/**
 * The client on its own, as README.md shows it: building one, calling resources,
 * pagination, errors, the customer portal, customer state and event ingestion. Each class
 * takes a {@code PolarClient}, which Spring Boot injects and plain Java builds.
 */
package com.example.client;
