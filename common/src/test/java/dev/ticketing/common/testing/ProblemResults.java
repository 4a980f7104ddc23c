package dev.ticketing.common.testing;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

import dev.ticketing.common.web.Problems;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * MockMvc expectations for the problem responses of DESIGN §2, as
 * {@link TestHttp.Response#assertProblem} checks them over real HTTP.
 */
public final class ProblemResults {

	private ProblemResults() {
	}

	private static ResultMatcher all(ResultMatcher... matchers) {
		return (result) -> {
			for (ResultMatcher matcher : matchers) {
				matcher.match(result);
			}
		};
	}

	/**
	 * An RFC 9457 problem with this status and code: {@code application/problem+json},
	 * {@code type} {@code urn:ticketing:problem:<code>}, a title and a detail.
	 */
	public static ResultMatcher problem(int status, String code) {
		return all(status().is(status), content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
				jsonPath("$.status").value(status), jsonPath("$.code").value(code),
				jsonPath("$.type").value(Problems.TYPE_PREFIX + code),
				jsonPath("$.title").value(not(emptyOrNullString())),
				jsonPath("$.detail").value(not(emptyOrNullString())));
	}

	/**
	 * A 400 {@code validation_failed} problem whose {@code errors} name exactly these
	 * fields (each at least once, and no other), each with a message.
	 */
	public static ResultMatcher validationFailed(String... fields) {
		return all(problem(400, "validation_failed"), jsonPath("$.errors[*].field").value(hasItems(fields)),
				jsonPath("$.errors[*].field").value(everyItem(in(List.of(fields)))),
				jsonPath("$.errors[*].message").value(everyItem(not(emptyOrNullString()))));
	}

}
