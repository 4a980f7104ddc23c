/**
 * The event contracts of DESIGN §3: the envelope, subjects and streams, and their JSON.
 */
@NullMarked
package dev.ticketing.common.events;

import org.jspecify.annotations.NullMarked;
