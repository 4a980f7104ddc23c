package dev.ticketing.auth.keys;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.ticketing.common.testing.ServiceWebMvcTest;

import static dev.ticketing.common.testing.ProblemResults.problem;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/users/.well-known/jwks.json} in a Spring MVC slice: the public key set
 * of {@link SigningKeys}, open to everyone and cacheable for five minutes.
 */
@ServiceWebMvcTest(JwksController.class)
class JwksControllerTests {

	private static final String PATH = "/api/users/.well-known/jwks.json";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SigningKeys keys;

	@Test
	void publishesTheKeySetToAnyoneCacheableForFiveMinutes() throws Exception {
		given(this.keys.jwkSet()).willReturn(Map.of("keys", List.of(Map.of("kty", "OKP", "crv", "Ed25519", "kid", "k1",
				"x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"))));

		this.mvc.perform(get(PATH))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=300, public"))
			.andExpect(content().json("""
					{"keys": [{"kty": "OKP", "crv": "Ed25519", "kid": "k1",
					           "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}""", true));

		verify(this.keys).jwkSet();
	}

	@Test
	void refusesAnotherRepresentationWith406() throws Exception {
		this.mvc.perform(get(PATH).accept(MediaType.APPLICATION_XML)).andExpect(status().isNotAcceptable());

		verifyNoInteractions(this.keys);
	}

	@Test
	void refusesAnUnsupportedMethodWith405() throws Exception {
		this.mvc.perform(post(PATH)).andExpect(problem(405, "method_not_allowed"));

		verifyNoInteractions(this.keys);
	}

}
