package dev.ticketing.common.web;

import java.util.List;

import org.apache.catalina.core.StandardHost;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every service's HTTP API shares: the problem responses, the body size limit and
 * the correlation id. A service gets it by depending on {@code common}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAutoConfiguration {

	@Bean
	ApiExceptionHandler apiExceptionHandler(ObjectProvider<ProblemStatuses> statuses) {
		return new ApiExceptionHandler(ProblemStatuses.merge(statuses.orderedStream().toList()));
	}

	@Bean
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	/** Controllers take a {@link PageQuery} parameter for {@code ?page=&size=}. */
	@Bean
	WebMvcConfigurer pageQueryParameters() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new PageQueryResolver());
			}

		};
	}

	@Bean
	StrictJsonCustomizer strictJsonCustomizer() {
		return new StrictJsonCustomizer();
	}

	/**
	 * Tomcat's own error reports (requests it refuses before the application sees them).
	 */
	@Bean
	@ConditionalOnClass(StandardHost.class)
	TomcatContextCustomizer problemErrorReports() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		};
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter() {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(RequestBodyLimitFilter.DEFAULT_LIMIT));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
