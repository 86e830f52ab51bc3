package dev.stride.druid.specs;

import java.util.regex.Pattern;

/**
 * Where one datasource's spec points: the datasource name to create and the topic to read. Production uses the names
 * of {@link DruidDatasource}; tests use private ones so parallel runs never share a datasource.
 */
public record SupervisorTarget(DruidDatasource kind, String datasource, String topic, String kafkaBootstrap) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,200}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._\\-]{1,249}");
    private static final Pattern BOOTSTRAP = Pattern.compile("[A-Za-z0-9.\\-]+:[0-9]+(,[A-Za-z0-9.\\-]+:[0-9]+)*");

    public SupervisorTarget {
        require(NAME, datasource, "datasource");
        require(TOPIC, topic, "topic");
        require(BOOTSTRAP, kafkaBootstrap, "kafkaBootstrap");
    }

    /** The production datasource and topic. */
    public static SupervisorTarget standard(DruidDatasource kind, String kafkaBootstrap) {
        return new SupervisorTarget(kind, kind.datasource(), kind.topic(), kafkaBootstrap);
    }

    // the values are put into JSON text, so they are restricted to characters that need no escaping
    private static void require(Pattern p, String value, String field) {
        if (value == null || !p.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must match " + p + ": " + value);
        }
    }
}
