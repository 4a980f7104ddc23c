/**
 * What the services' business counters share: counting a change once it is committed
 * (docs/adr/0024).
 */
@NullMarked
package dev.ticketing.common.metrics;

import org.jspecify.annotations.NullMarked;
