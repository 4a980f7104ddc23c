package dev.ticketing.common.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.ticketing.common.testing.DesignRoutes.Route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DesignRoutesTests {

	@Test
	void readsEveryRouteOfTheDesignsTables() {
		Map<String, Long> perService = DesignRoutes.all()
			.stream()
			.collect(Collectors.groupingBy((route) -> route.path().split("/")[2], Collectors.counting()));

		assertThat(perService)
			.containsExactlyInAnyOrderEntriesOf(Map.of("users", 6L, "tickets", 10L, "orders", 4L, "payments", 9L));
	}

	@Test
	void readsTheSuccessAndEveryErrorStatusOfARoute() {
		assertThat(route("POST", "/api/users/signup").statuses()).containsExactly(201, 400, 409);
		assertThat(route("POST", "/api/users/signin").statuses()).containsExactly(200, 401, 429);
		assertThat(route("POST", "/api/users/signout").statuses()).containsExactly(204);
		assertThat(route("POST", "/api/tickets").statuses()).containsExactly(201, 400, 401);
		assertThat(route("PUT", "/api/tickets/{id}").statuses()).containsExactly(200, 400, 401, 403, 404, 409);
		assertThat(route("POST", "/api/tickets/checkins").statuses()).containsExactly(200, 400, 401, 403, 409);
		assertThat(route("POST", "/api/payments").statuses()).containsExactly(201, 400, 401, 402, 404, 409);
		assertThat(route("DELETE", "/api/orders/{id}").statuses()).containsExactly(204, 401, 404, 409);
	}

	@Test
	void leavesTheQueryOutOfAPath() {
		assertThat(route("GET", "/api/tickets").statuses()).containsExactly(200, 400);
		assertThat(route("GET", "/api/payments").statuses()).containsExactly(200, 401);
	}

	@Test
	void readsNoFigureOfTheProseAsAStatus() {
		Set<Integer> statuses = DesignRoutes.all()
			.stream()
			.flatMap((route) -> route.statuses().stream())
			.collect(Collectors.toSet());

		assertThat(statuses).containsExactlyInAnyOrder(200, 201, 204, 400, 401, 402, 403, 404, 409, 429);
	}

	@Test
	void readsTheColumnsTheTablesHeaderNames() {
		List<Route> routes = DesignRoutes.parse(List.of("| route | body | success | errors |", "|---|---|---|---|",
				"| `POST /api/things?x=` | `{a, b}` 100 | 201 thing, 300 more | 400 validation (a ≤ 254; b 8–128), "
						+ "409 `taken` (1, 2); 404; 5 things, 503 |"));

		assertThat(routes).containsExactly(new Route("POST", "/api/things", Set.of(201, 400, 404, 409, 503)));
	}

	@Test
	void refusesARowOutsideARouteTable() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DesignRoutes.parse(List.of("| subject | data |", "|---|---|", "| `GET /api/x` | 200 |")));
	}

	private static Route route(String method, String path) {
		return DesignRoutes.all()
			.stream()
			.filter((route) -> route.method().equals(method) && route.path().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + method + " " + path + " in the design"));
	}

}
