/**
 * How event payloads evolve within a version: marks the codec reads.
 */
@NullMarked
package dev.ticketing.common.events.schema;

import org.jspecify.annotations.NullMarked;
