/**
 * Each service's OpenAPI document and Swagger UI (springdoc), under the service's base
 * path so that they pass through the origin: the problem shape and the session scheme
 * every document shares, and open routes to read them by.
 */
@NullMarked
package dev.ticketing.common.apidocs;

import org.jspecify.annotations.NullMarked;
