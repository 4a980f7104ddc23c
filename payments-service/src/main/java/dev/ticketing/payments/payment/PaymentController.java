package dev.ticketing.payments.payment;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.common.web.PathIds;

/**
 * {@code /api/payments} (DESIGN §2, payments-service table). Every route but the
 * provider's webhook needs a signed-in user and shows only the caller's payments.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

	/** Set on a response that replays the first answer to an {@code Idempotency-Key}. */
	static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	private final PaymentService payments;

	PaymentController(PaymentService payments) {
		this.payments = payments;
	}

	@PostMapping
	ResponseEntity<PaymentResponse> pay(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) @Pattern(
					regexp = "[\\x21-\\x7E]*",
					message = "must be printable ASCII without spaces") String idempotencyKey,
			@Valid @RequestBody PaymentRequest request) {
		PaymentResult result = this.payments.pay(user.id(), UUID.fromString(request.orderId()), request.paymentMethod(),
				idempotencyKey);
		return switch (result) {
			case PaymentResult.Paid paid -> {
				ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
					.location(URI.create("/api/payments/" + paid.payment().id()));
				if (paid.replayed()) {
					response.header(IDEMPOTENT_REPLAYED, "true");
				}
				yield response.body(paid.payment());
			}
			case PaymentResult.Declined declined ->
				throw new PaymentDeclinedException(declined.message(), declined.replayed());
		};
	}

	@GetMapping
	PageResponse<PaymentResponse> list(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestParam(required = false) UUID orderId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.payments.list(user.id(), orderId, page, size).map(PaymentResponse::of);
	}

	@GetMapping("/{id}")
	PaymentResponse get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
		return PaymentResponse.of(this.payments.get(user.id(), PathIds.parse(id, PaymentNotFoundException::new)));
	}

}
