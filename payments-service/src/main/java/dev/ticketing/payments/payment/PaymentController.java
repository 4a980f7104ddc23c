package dev.ticketing.payments.payment;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

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

import dev.ticketing.common.apidocs.ApiDocs;
import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.security.Roles;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.common.web.PathIds;
import dev.ticketing.common.web.Problems;

/**
 * {@code /api/payments} (DESIGN §2, payments-service table). Every route but the
 * provider's webhook needs a signed-in user and shows only the caller's payments.
 */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "payments")
class PaymentController {

	/** Set on a response that replays the first answer to an {@code Idempotency-Key}. */
	static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	private final PaymentService payments;

	PaymentController(PaymentService payments) {
		this.payments = payments;
	}

	/**
	 * 201 and the payment, or 402 {@code payment_declined}; either with
	 * {@code Idempotent-Replayed: true} when it is a retry's answer.
	 */
	@PostMapping
	@Operation(summary = "Pay for an order; the same Idempotency-Key (same user) replays the first result")
	@ApiResponse(responseCode = "201", description = "The payment, with Location",
			content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
	@ApiResponse(responseCode = "400", description = "validation_failed or malformed_request")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "402", description = "payment_declined")
	@ApiResponse(responseCode = "404", description = "order_not_found: unknown or not the caller's")
	@ApiResponse(responseCode = "409", description = "order_cancelled, order_expired (past expiresAt), or order_paid")
	@SecurityRequirement(name = ApiDocs.SESSION)
	ResponseEntity<?> pay(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) @Pattern(
					regexp = "[\\x21-\\x7E]*",
					message = "must be printable ASCII without spaces") @Nullable String idempotencyKey,
			@Valid @RequestBody PaymentRequest request) {
		PaymentOutcome outcome = this.payments.pay(user.id(), UUID.fromString(request.orderId()),
				request.paymentMethod(), idempotencyKey);
		ResponseEntity.BodyBuilder response = switch (outcome) {
			case PaymentOutcome.Paid paid ->
				ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/payments/" + paid.payment().id()));
			case PaymentOutcome.Declined declined -> ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED);
		};
		if (outcome.replayed()) {
			response.header(IDEMPOTENT_REPLAYED, "true");
		}
		return switch (outcome) {
			case PaymentOutcome.Paid paid -> response.body(PaymentResponse.of(paid.payment()));
			case PaymentOutcome.Declined declined ->
				response.body(Problems.of(HttpStatus.PAYMENT_REQUIRED, "payment_declined", declined.message()));
		};
	}

	@GetMapping
	@Operation(summary = "The caller's payments, optionally of one order")
	@ApiResponse(responseCode = "200", description = "A page of payments")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@SecurityRequirement(name = ApiDocs.SESSION)
	PageResponse<PaymentResponse> list(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestParam(required = false) @Nullable UUID orderId, PageQuery page) {
		return this.payments.list(user.id(), orderId, page).map(PaymentResponse::of);
	}

	/** The caller's payment; a {@code support} account may look any payment up. */
	@GetMapping("/{id}")
	@Operation(summary = "One of the caller's payments; a support account may look any up")
	@ApiResponse(responseCode = "200", description = "The payment")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "404", description = "payment_not_found")
	@SecurityRequirement(name = ApiDocs.SESSION)
	PaymentResponse get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
		return PaymentResponse.of(this.payments.get(user.id(), PathIds.parse(id, PaymentNotFoundException::new),
				user.hasRole(Roles.SUPPORT)));
	}

	/** A refund support asked for (the routes require the role). */
	@PostMapping("/{id}/refunds")
	@Operation(summary = "Refund a payment (role support); the ticket's pass is voided")
	@ApiResponse(responseCode = "201", description = "The payment, status refunded")
	@ApiResponse(responseCode = "400", description = "validation_failed or malformed_request")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: no support role")
	@ApiResponse(responseCode = "404", description = "payment_not_found")
	@ApiResponse(responseCode = "409", description = "already_refunded")
	@SecurityRequirement(name = ApiDocs.SESSION)
	ResponseEntity<PaymentResponse> refund(@PathVariable String id, @Valid @RequestBody RefundRequest request) {
		Payment refunded = this.payments.refundOnRequest(PathIds.parse(id, PaymentNotFoundException::new),
				request.reason().strip());
		return ResponseEntity.status(HttpStatus.CREATED).body(PaymentResponse.of(refunded));
	}

}
