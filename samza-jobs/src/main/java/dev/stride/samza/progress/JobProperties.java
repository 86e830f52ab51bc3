package dev.stride.samza.progress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A job's configuration: its properties file from the classpath, then environment overrides, then key=value arguments. */
public final class JobProperties {

    /** Environment variable → the config keys it sets (the variables {@code stride up} passes to applications). */
    static final Map<String, List<String>> ENVIRONMENT = Map.of(
            "STRIDE_KAFKA", List.of("systems.kafka.consumer.bootstrap.servers", "systems.kafka.producer.bootstrap.servers"),
            "STRIDE_ZOOKEEPER", List.of("job.coordinator.zk.connect"),
            "STRIDE_CASSANDRA", List.of(AggregatorConfig.CASSANDRA),
            "STRIDE_CASSANDRA_DC", List.of(AggregatorConfig.CASSANDRA_DC),
            "STRIDE_KEYSPACE", List.of(AggregatorConfig.KEYSPACE),
            "STRIDE_SAMZA_APP_ID", List.of("app.id"),
            "STRIDE_SAMZA_STATE_DIR", List.of("job.logged.store.base.dir", "job.non-logged.store.base.dir"));

    private JobProperties() {
    }

    public static Map<String, String> load(String resource, Map<String, String> env, String[] args) {
        Map<String, String> config = new LinkedHashMap<>();
        Properties file = new Properties();
        try (InputStream in = JobProperties.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("config " + resource + " is not on the classpath");
            }
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        file.stringPropertyNames().forEach(k -> config.put(k, file.getProperty(k).strip()));
        ENVIRONMENT.forEach((variable, keys) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                keys.forEach(k -> config.put(k, value));
            }
        });
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("argument '" + arg + "' is not key=value");
            }
            config.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return config;
    }
}
