package dev.ticketing.auth.keys;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public keys that verify access tokens. Other services fetch this and
 * verify tokens themselves.
 */
@RestController
@Tag(name = "users")
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/api/users/.well-known/jwks.json", produces = "application/json")
	@Operation(summary = "The public keys that verify access tokens (JWKS)")
	@ApiResponse(responseCode = "200", description = "The JWK set, public keys only")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.keys.jwkSet());
	}

}
