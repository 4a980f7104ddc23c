package dev.ticketing.auth.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of sign-up and sign-in.
 */
record Credentials(
		@NotBlank(message = "must not be blank") @Email(message = "must be a valid email address") @Size(max = 254,
				message = "must be at most 254 characters") String email,
		@NotNull(message = "must not be null") @Size(min = 8, max = 128,
				message = "must be between 8 and 128 characters") String password) {

	@Override
	public String toString() {
		return "Credentials[email=" + this.email + "]";
	}

}
