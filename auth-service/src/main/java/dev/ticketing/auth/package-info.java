/**
 * auth-service: accounts, sessions and the keys that sign them (DESIGN §2, auth-
 * service).
 */
@NullMarked
package dev.ticketing.auth;

import org.jspecify.annotations.NullMarked;
