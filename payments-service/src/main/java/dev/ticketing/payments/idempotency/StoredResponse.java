package dev.ticketing.payments.idempotency;

/**
 * The first response given to an {@code Idempotency-Key}.
 *
 * @param status its HTTP status
 * @param body its body, as JSON
 */
public record StoredResponse(int status, String body) {

}
