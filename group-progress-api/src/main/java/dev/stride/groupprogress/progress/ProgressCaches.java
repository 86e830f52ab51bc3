package dev.stride.groupprogress.progress;

import dev.stride.groupprogress.cache.CacheTtl;
import dev.stride.groupprogress.cache.RedisLayer;
import dev.stride.groupprogress.cache.TtlAdvisor;
import dev.stride.groupprogress.cache.TwoLayerCache;
import dev.stride.groupprogress.config.StrideProperties;
import dev.stride.groupprogress.group.Group;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The group answers' caches and their keys. Keys join tenant and ids with {@code |}, which no id may contain
 * (dev.stride.core.ids.Ids), so two tenants' keys can never collide; the agg key follows Sunbird's
 * {@code {groupId}:{activityId}:{activityType}:activity-agg}.
 */
@Component
public class ProgressCaches {

    final TwoLayerCache<GroupProgress> progress;
    final TwoLayerCache<ActivityAgg> agg;

    public ProgressCaches(StrideProperties props, RedisLayer redis, CacheTtl ttl, TtlAdvisor advisor, MeterRegistry meters,
                          JsonMapper mapper, Clock clock) {
        this.progress = new TwoLayerCache<>("group-progress", GroupProgress.class, props, redis, ttl, advisor, meters, mapper, clock);
        this.agg = new TwoLayerCache<>("activity-agg", ActivityAgg.class, props, redis, ttl, advisor, meters, mapper, clock);
    }

    static String progressKey(String tenant, String groupId) {
        return tenant + "|" + groupId + "|progress";
    }

    static String aggKey(String tenant, String groupId, String activityId) {
        return tenant + "|" + groupId + "|" + activityId + "|" + Group.COURSE + "|activity-agg";
    }

    /** After a membership change: the group's answers are recomputed on the next request. */
    public Mono<Void> evictGroup(String tenant, Group group) {
        List<String> aggKeys = new ArrayList<>();
        group.activities().keySet().forEach(a -> aggKeys.add(aggKey(tenant, group.groupId(), a)));
        return progress.evict(progressKey(tenant, group.groupId()))
                .then(aggKeys.isEmpty() ? Mono.empty() : agg.evict(aggKeys.toArray(String[]::new)));
    }
}
