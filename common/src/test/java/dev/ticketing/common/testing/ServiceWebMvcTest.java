package dev.ticketing.common.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A Spring MVC slice of a service around one controller, as its clients meet it: what
 * {@link WebMvcTest @WebMvcTest} includes, common's web edge (problem responses, paging,
 * strict JSON, body limit, token authentication, CSRF rule; common lists its
 * auto-configurations for the slice in
 * {@code META-INF/spring/org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureWebMvc.imports}),
 * the service's own edge ({@link WebEdgeDeclarations}: the statuses of its refusal codes
 * and its protected routes), and tokens signed with {@link TestTokens#KEYS}
 * ({@link TestSecurityConfiguration}). Nothing else of the service: no database, no NATS;
 * the controller's collaborators are {@code @MockitoBean}s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = WebEdgeDeclarations.class))
@Import(TestSecurityConfiguration.class)
public @interface ServiceWebMvcTest {

	/** The controller under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

	/** Properties in {@code key=value} form, for a controller that needs settings. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "properties")
	String[] properties() default {};

}
