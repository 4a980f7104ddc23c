package dev.ticketing.orders.order;

import java.net.URI;
import java.util.UUID;

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
class OrderController {

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	@PostMapping
	ResponseEntity<OrderResponse> place(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody OrderRequest request) {
		Order order = this.orders.place(user.id(), UUID.fromString(request.ticketId()));
		return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(OrderResponse.of(order));
	}

	@GetMapping
	PageResponse<OrderResponse> list(@AuthenticationPrincipal AuthenticatedUser user, PageQuery page) {
		return this.orders.list(user.id(), page).map(OrderResponse::of);
	}

	@GetMapping("/{id}")
	OrderResponse get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
		return OrderResponse.of(this.orders.get(user.id(), orderId(id)));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> cancel(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
		this.orders.cancel(user.id(), orderId(id));
		return ResponseEntity.noContent().build();
	}

	private static UUID orderId(String id) {
		return PathIds.parse(id, OrderNotFoundException::new);
	}

}
