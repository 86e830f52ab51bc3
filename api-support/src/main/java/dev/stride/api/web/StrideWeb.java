package dev.stride.api.web;

import dev.stride.core.event.Json;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Sunbird envelope on every failure ({@link ErrorHandler}), the 1 MiB body limit ({@link BodyLimitFilter}) and
 * JSON read and written with the same settings as Stride's events (unknown fields ignored). The service may declare
 * an {@link ApiIdResolver} bean naming its endpoints.
 */
@Configuration(proxyBeanMethods = false)
@Import({ErrorHandler.class, BodyLimitFilter.class})
public class StrideWeb {

    @Bean
    JsonMapperBuilderCustomizer strideJson() {
        return Json::configure;
    }

    @Bean
    EnvelopeWriter envelopeWriter(JsonMapper mapper, ObjectProvider<ApiIdResolver> ids) {
        return new EnvelopeWriter(mapper, ids.getIfAvailable(() -> request -> ApiIdResolver.FALLBACK));
    }
}
