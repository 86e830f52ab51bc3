package dev.stride.groupprogress.cache;

import org.springframework.http.HttpHeaders;

/** Response headers telling a client how fresh a cached answer is (the body keeps Sunbird's shape). */
public final class CacheHeaders {

    public static final String LAYER = "X-Stride-Cache";
    public static final String AGE = "X-Stride-Cache-Age";
    public static final String DEGRADED = "X-Stride-Cache-Degraded";

    private CacheHeaders() {
    }

    public static HttpHeaders of(Served<?> served) {
        HttpHeaders h = new HttpHeaders();
        h.add(LAYER, served.layer().tag());
        h.add(AGE, String.valueOf(served.age().toSeconds()));
        if (served.degraded()) {
            h.add(DEGRADED, "redis-unavailable");
        }
        return h;
    }
}
