package dev.ticketing.common.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

/**
 * Makes JSON of the wrong type a 400 instead of a silent conversion:
 * {@code "price": 12.5} is not truncated to 12, {@code "email": 123} is not read as
 * "123", {@code "price": "12"} is not a number, a member given twice ({@code {"title":
 * "x", "title": "y"}}) is not silently the last one, and trailing garbage after the
 * document is an error. Unknown fields stay ignored so that clients can be newer than the
 * service.
 */
public class StrictJsonCustomizer implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.withCoercionConfig(LogicalType.Textual, (config) -> {
				config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			})
			.withCoercionConfig(LogicalType.Integer, (config) -> {
				config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			})
			.withCoercionConfig(LogicalType.Boolean, (config) -> {
				config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
			});
	}

}
