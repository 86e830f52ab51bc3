package dev.stride.groupprogress.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The live dashboard page is static ({@code classpath:/static/dashboard/}, Chart.js from its WebJar); this only
 * sends {@code /dashboard} and {@code /dashboard/} to its index, keeping the query (the fragment stays in the browser).
 */
@Configuration(proxyBeanMethods = false)
public class DashboardPageRoutes {

    public static final String INDEX = "/dashboard/index.html";

    @Bean
    RouterFunction<ServerResponse> dashboardPageRedirect() {
        return route(GET("/dashboard").or(GET("/dashboard/")), request -> ServerResponse
                .temporaryRedirect(UriComponentsBuilder.fromPath(INDEX)
                        .query(request.uri().getRawQuery()).build(true).toUri())
                .build());
    }
}
