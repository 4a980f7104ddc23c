package dev.ticketing.common.domain;

/**
 * A field of a request and what is wrong with it: an entry of a {@code validation_failed}
 * problem's {@code errors}.
 *
 * @param field the field's name as the client sent it
 * @param message what is wrong, as a sentence without its subject ("must not be blank")
 */
public record InvalidField(String field, String message) {

}
