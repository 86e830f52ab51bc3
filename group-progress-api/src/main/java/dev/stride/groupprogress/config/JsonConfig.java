package dev.stride.groupprogress.config;

import dev.stride.core.event.Json;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP layer reads and writes JSON with the same settings as Stride's events (unknown fields ignored). */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    @Bean
    JsonMapperBuilderCustomizer strideJson() {
        return Json::configure;
    }
}
