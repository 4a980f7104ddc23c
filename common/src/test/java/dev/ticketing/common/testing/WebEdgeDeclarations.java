package dev.ticketing.common.testing;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

import dev.ticketing.common.security.ProtectedRoutes;
import dev.ticketing.common.web.ProblemStatuses;

/**
 * Finds a service's configuration classes that declare its web edge: a
 * {@link ProblemStatuses} bean (the status of each refusal code) or a
 * {@link ProtectedRoutes} bean (which routes need a signed-in user). A
 * {@code @WebMvcTest} leaves {@code @Configuration} classes out, and these are
 * package-private in other packages than the controllers, so a slice includes them
 * through this filter rather than by naming them.
 */
final class WebEdgeDeclarations implements TypeFilter {

	private static final Set<String> EDGE_TYPES = Set.of(ProblemStatuses.class.getName(),
			ProtectedRoutes.class.getName());

	@Override
	public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
		return reader.getAnnotationMetadata()
			.getAnnotatedMethods(Bean.class.getName())
			.stream()
			.map(MethodMetadata::getReturnTypeName)
			.anyMatch(EDGE_TYPES::contains);
	}

}
