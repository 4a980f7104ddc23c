/**
 * Access token verification: plain Java, no Spring.
 */
@NullMarked
package dev.ticketing.common.jwt;

import org.jspecify.annotations.NullMarked;
