/**
 * Roles of accounts (DESIGN §2, "Roles"): granted, revoked and shown by the operator
 * command {@code roles}, never by an HTTP route. The access token carries them from the
 * account's next sign-in or refresh on.
 */
@NullMarked
package dev.ticketing.auth.roles;

import org.jspecify.annotations.NullMarked;
