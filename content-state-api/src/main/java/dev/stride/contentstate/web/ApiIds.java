package dev.stride.contentstate.web;

import dev.stride.api.web.ApiIdResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/** The envelope {@code id} of each endpoint (Sunbird's api.* names), shared by success and error responses. */
@Component
public final class ApiIds implements ApiIdResolver {

    @Override
    public String apiId(ServerHttpRequest request) {
        return of(request);
    }

    public static String of(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        boolean get = HttpMethod.GET.equals(request.getMethod());
        if (path.startsWith("/v1/content/state/update")) return "api.content.state.update";
        if (path.startsWith("/v1/content/state/read")) return "api.content.state.read";
        if (path.startsWith("/v1/course/enrol")) return "api.course.enrol";
        if (path.startsWith("/v1/course/unenrol")) return "api.course.unenrol";
        if (path.startsWith("/v1/course/batch/create")) return "api.course.batch.create";
        if (path.startsWith("/v1/course/batch/read")) return "api.course.batch.read";
        if (path.startsWith("/v1/course/hierarchy")) return get ? "api.course.hierarchy.read" : "api.course.hierarchy.update";
        if (path.startsWith("/v1/user/courses/list")) return "api.user.courses.list";
        if (path.startsWith("/v1/user/import")) return "api.user.import";
        if (path.startsWith("/v1/user/")) return "api.user.update";
        return FALLBACK;
    }
}
