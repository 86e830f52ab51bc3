package dev.stride.druid.specs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON documents {@code stride druid apply} submits, read from this module's resources and filled in. */
public final class DruidSpecs {

    private DruidSpecs() {
    }

    /** The Kafka supervisor spec of the target's datasource. */
    public static String supervisor(SupervisorTarget t) {
        return resource(t.kind().specResource())
                .replace("${dataSource}", t.datasource())
                .replace("${topic}", t.topic())
                .replace("${bootstrap}", t.kafkaBootstrap());
    }

    /** Retention for every datasource: load the last 7 years (compliance), drop anything older. */
    public static String retentionRules() {
        return resource("specs/retention-rules.json");
    }

    /** The coordinator's auto-compaction config for one datasource (the last day stays with ingestion). */
    public static String compaction(String datasource) {
        return resource("specs/compaction.json").replace("${dataSource}", datasource);
    }

    static String resource(String name) {
        try (InputStream in = DruidSpecs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
