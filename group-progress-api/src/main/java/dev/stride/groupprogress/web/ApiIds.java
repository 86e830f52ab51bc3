package dev.stride.groupprogress.web;

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
        if (path.startsWith("/v1/group/create")) return "api.group.create";
        if (path.startsWith("/v1/group/membership/update")) return "api.group.membership.update";
        if (path.startsWith("/v1/group/read")) return "api.group.read";
        if (path.startsWith("/v1/group/activity/agg")) return "api.group.activity.agg";
        if (path.startsWith("/v1/groups/") && path.contains("/reports")) return "api.group.reports";
        if (path.startsWith("/v1/groups/")) return "api.group.progress";
        if (path.startsWith("/v1/course/") && path.endsWith("/dashboard")) return "api.course.batch.dashboard";
        if (path.startsWith("/v1/course/") && path.endsWith("/gradebook")) return "api.course.batch.gradebook";
        if (path.startsWith("/v1/course/") && path.endsWith("/trend")) return "api.course.batch.trend";
        if (path.startsWith("/v1/jobrequest/submit")) return "api.dataset.request.submit";
        if (path.startsWith("/v1/jobrequest/list/")) return "api.dataset.request.list";
        if (path.startsWith("/v1/jobrequest/read/")) return "api.dataset.request.read";
        if (path.startsWith("/v1/jobrequest/download/")) return "api.dataset.request.download";
        if (path.startsWith("/admin/cache/ttl/advice")) return "api.admin.cache.ttl.advice";
        if (path.startsWith("/admin/cache/ttl")) return get ? "api.admin.cache.ttl.read" : "api.admin.cache.ttl.update";
        return FALLBACK;
    }
}
