package dev.ticketing.common.events.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a payload field added to a {@code v1} event after the event's first release.
 * Events written before it was added lack it, so {@code EventCodec} reads its absence as
 * {@code null}; every other field must be present. The field must therefore be nullable,
 * and its readers must cope with {@code null}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD })
public @interface AddedField {

}
