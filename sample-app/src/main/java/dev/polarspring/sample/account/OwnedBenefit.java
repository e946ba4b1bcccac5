package dev.polarspring.sample.account;

import org.jspecify.annotations.Nullable;

/**
 * A benefit granted to the shopper, as the account page shows it with its product.
 *
 * @param description what it is, as Polar describes it
 * @param licenseKey the license key it issued, in full, or {@code null} for other kinds
 * @param downloadable whether it lets the shopper download the kit
 */
public record OwnedBenefit(String description, @Nullable String licenseKey, boolean downloadable) {
}
