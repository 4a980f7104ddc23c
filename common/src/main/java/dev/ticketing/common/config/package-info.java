/**
 * Defaults every service shares.
 */
@NullMarked
package dev.ticketing.common.config;

import org.jspecify.annotations.NullMarked;
