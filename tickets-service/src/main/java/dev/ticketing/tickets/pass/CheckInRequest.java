package dev.ticketing.tickets.pass;

import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /api/tickets/checkins}. Any text is a code to check; what is
 * not a pass code is {@code code_invalid}.
 *
 * @param code the code as scanned or typed
 */
record CheckInRequest(@NotNull String code) {
}
