/**
 * What the demo is about, made visible: the webhooks Polar sent about the shopper, as the
 * store's own listener processed them, shown in a "Webhooks received" panel.
 */
@NullMarked
package dev.polarspring.sample.activity;

import org.jspecify.annotations.NullMarked;
