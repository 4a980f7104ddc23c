package dev.ticketing.orders.order;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.apidocs.ApiDocs;
import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.common.web.PathIds;

/**
 * {@code /api/orders} (DESIGN §2, orders-service table). Every route needs a signed-in
 * user and shows only the caller's orders.
 */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "orders")
@SecurityRequirement(name = ApiDocs.SESSION)
class OrderController {

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	@PostMapping
	@Operation(summary = "Order a ticket: it is held for the caller until expiresAt (the hold window)")
	@ApiResponse(responseCode = "201", description = "The order, status created")
	@ApiResponse(responseCode = "400", description = "validation_failed or malformed_request")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "own_ticket: the caller sells this ticket")
	@ApiResponse(responseCode = "404", description = "ticket_not_found")
	@ApiResponse(responseCode = "409",
			description = "ticket_unavailable: reserved, sold, withdrawn, or another active order exists")
	ResponseEntity<OrderResponse> place(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody OrderRequest request) {
		Order order = this.orders.place(user.id(), UUID.fromString(request.ticketId()));
		return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(OrderResponse.of(order));
	}

	@GetMapping
	@Operation(summary = "The caller's orders, newest first")
	@ApiResponse(responseCode = "200", description = "A page of orders")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	PageResponse<OrderResponse> list(@AuthenticationPrincipal AuthenticatedUser user, PageQuery page) {
		return this.orders.list(user.id(), page).map(OrderResponse::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of the caller's orders")
	@ApiResponse(responseCode = "200", description = "The order")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "404", description = "order_not_found, also when it is someone else's")
	OrderResponse get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
		return OrderResponse.of(this.orders.get(user.id(), orderId(id)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Cancel an order (reason user); cancelling a cancelled order is 204 again")
	@ApiResponse(responseCode = "204", description = "Cancelled")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "404", description = "order_not_found")
	@ApiResponse(responseCode = "409", description = "order_not_cancellable: the order is complete")
	ResponseEntity<Void> cancel(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
		this.orders.cancel(user.id(), orderId(id));
		return ResponseEntity.noContent().build();
	}

	private static UUID orderId(String id) {
		return PathIds.parse(id, OrderNotFoundException::new);
	}

}
