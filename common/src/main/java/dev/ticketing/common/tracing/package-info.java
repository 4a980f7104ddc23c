/**
 * Where the services' spans go: over OTLP (Boot's own settings) and, for local runs, to a
 * Zipkin server.
 */
@NullMarked
package dev.ticketing.common.tracing;

import org.jspecify.annotations.NullMarked;
