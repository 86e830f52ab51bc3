package dev.stride.druid.testing;

import dev.stride.druid.specs.DruidAdmin;
import dev.stride.druid.specs.DruidDatasource;
import dev.stride.druid.specs.DruidSpecs;
import dev.stride.druid.specs.SupervisorTarget;
import dev.stride.testkit.StrideStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * Private Druid datasources for one test class: each is fed by its own Kafka topic through druid-specs' supervisor spec
 * (datasource and topic swapped), rows are produced straight to the topic, and {@link #awaitRows} polls Druid SQL
 * until they are queryable. {@link #close} terminates the supervisors and deletes the topics.
 *
 * <p>Druid is the testkit's ({@link StrideStack#druidBrokerUrl()}, started once when it does not answer).
 */
public final class PrivateDruid implements AutoCloseable {

    private final StrideStack stack;
    private final String broker;
    private final String coordinator;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    private final DruidAdmin admin;
    private final Map<String, String> topics = new LinkedHashMap<>();
    private final Map<String, DruidDatasource> kinds = new LinkedHashMap<>();
    private final KafkaProducer<String, String> producer;

    public PrivateDruid(StrideStack stack) {
        this.stack = stack;
        this.broker = stack.druidBrokerUrl();
        this.coordinator = stack.druidCoordinatorUrl().replaceAll("/+$", "");
        this.admin = new DruidAdmin(coordinator);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    /** The broker's URL, for DruidSql and {@code stride.druid.broker-url}. */
    public String broker() {
        return broker;
    }

    /** A datasource name no other test uses (never created: reading it is "Object not found"). */
    public String uniqueDatasource(DruidDatasource kind) {
        return stack.uniqueName("t_" + kind.datasource()).replace('-', '_');
    }

    /** Creates the topic and submits the kind's supervisor for a new private datasource; returns its name. */
    public String create(DruidDatasource kind) {
        String datasource = uniqueDatasource(kind);
        String topic = stack.uniqueName("t.druid." + kind.datasource());
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            kafka.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
        return supervise(kind, datasource, topic);
    }

    /**
     * Submits the kind's supervisor for a new private datasource that reads the topic of {@code source} (as
     * {@code learner_activity} reads {@code learner_progress}'s); rows produced to {@code source} reach both.
     */
    public String createFromTopicOf(DruidDatasource kind, String source) {
        return supervise(kind, uniqueDatasource(kind), topics.get(source));
    }

    /**
     * As {@link #createFromTopicOf(DruidDatasource, String)} with the supervisor spec edited first, e.g. smaller
     * sketches to see what a query does past their size; only the supervisor is submitted (no rules, no compaction).
     */
    public String createFromTopicOf(DruidDatasource kind, String source, UnaryOperator<String> specEdit) {
        String datasource = uniqueDatasource(kind);
        String topic = topics.get(source);
        String spec = specEdit.apply(DruidSpecs.supervisor(new SupervisorTarget(kind, datasource, topic,
                stack.kafkaBootstrap())));
        try {
            java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(coordinator + "/druid/indexer/v1/supervisor"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(spec)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Druid refused the edited spec: " + r.statusCode() + " " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot submit the edited spec of " + datasource, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        topics.put(datasource, topic);
        kinds.put(datasource, kind);
        return datasource;
    }

    private String supervise(DruidDatasource kind, String datasource, String topic) {
        admin.apply(new SupervisorTarget(kind, datasource, topic, stack.kafkaBootstrap()));
        topics.put(datasource, topic);
        kinds.put(datasource, kind);
        return datasource;
    }

    /** Produces JSON rows to the datasource's topic and waits for Kafka's acknowledgement of each. */
    public void produce(String datasource, List<String> rows) {
        String topic = topics.get(datasource);
        List<Future<?>> sent = new ArrayList<>();
        for (String row : rows) {
            sent.add(producer.send(new ProducerRecord<>(topic, row)));
        }
        for (Future<?> f : sent) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("produce to " + topic + " failed", e);
            }
        }
    }

    /**
     * Polls until Druid SQL sees exactly {@code rows} input rows (duplicates included): {@code COUNT(*)}, or the
     * {@code ingested_rows} count of a rolled-up datasource.
     */
    public void awaitRows(String datasource, long rows, Duration max) throws InterruptedException {
        Instant deadline = Instant.now().plus(max);
        long seen = -1;
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                seen = count(datasource);
                if (seen == rows) {
                    return;
                }
                if (seen > rows) {
                    throw new AssertionError(datasource + " has " + seen + " rows, expected " + rows);
                }
            } catch (SQLException e) {
                last = e.getMessage(); // "Object not found" until the first row is ingested
            }
            Thread.sleep(250);
        }
        throw new AssertionError(datasource + " did not reach " + rows + " rows within " + max + " (last count " + seen
                + (last.isEmpty() ? "" : ", last error " + last) + ")");
    }

    private long count(String datasource) throws SQLException {
        Properties p = new Properties();
        p.setProperty("http_response_timeout", "10000");
        try (Connection c = DriverManager.getConnection(
                dev.stride.druid.DruidSql.jdbcUrl(broker), p);
             Statement st = c.createStatement();
             // The name is one uniqueDatasource() generated ([a-z0-9_]), not input.
             ResultSet rs = st.executeQuery("SELECT " + (kinds.get(datasource) == DruidDatasource.LEARNER_ACTIVITY
                     ? "SUM(ingested_rows)" : "COUNT(*)") + " FROM \"" + datasource + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String send(String url, String method) throws java.io.IOException {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(10))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Datasource renames for DruidSql / the service: logical name → private name. */
    public static Map<String, String> renames(Map<DruidDatasource, String> privates) {
        Map<String, String> m = new LinkedHashMap<>();
        privates.forEach((k, v) -> m.put(k.datasource(), v));
        return m;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        for (String datasource : topics.keySet()) {
            try {
                admin.terminate(datasource);
                admin.forget(datasource);
                // A terminated supervisor's task would publish and wait for handoff, holding an indexer slot for
                // minutes; a test's rows are not needed any more: stop the tasks, drop the segments.
                String tasks = send(coordinator + "/druid/indexer/v1/tasks?datasource=" + datasource, "GET");
                java.util.regex.Matcher task = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(tasks);
                while (task.find()) {
                    send(coordinator + "/druid/indexer/v1/task/" + task.group(1) + "/shutdown", "POST");
                }
                send(coordinator + "/druid/coordinator/v1/datasources/" + datasource, "DELETE");
            } catch (RuntimeException | java.io.IOException e) {
                System.err.println("could not clean up Druid datasource " + datasource + ": " + e.getMessage());
            }
        }
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            kafka.deleteTopics(new java.util.LinkedHashSet<>(topics.values())).all().get();
        } catch (Exception e) {
            System.err.println("could not delete topics " + topics.values() + ": " + e.getMessage());
        }
    }

    /** One {@code learner_progress} row as the feed writes it. */
    public static String learnerRow(Instant ts, String tenant, String course, String batch, String unit, String user,
                                    String content, int status, int progress, long timeSpent, String rowId) {
        return "{\"ts\":\"" + ts + "\",\"tenant\":\"" + tenant + "\",\"course_id\":\"" + course + "\",\"batch_id\":\""
                + batch + "\",\"unit_id\":\"" + unit + "\",\"user_id\":\"" + user + "\",\"content_id\":\"" + content
                + "\",\"status\":" + status + ",\"progress\":" + progress + ",\"time_spent_seconds\":" + timeSpent
                + ",\"row_id\":\"" + rowId + "\"}";
    }

    /** One {@code enrolment_progress} snapshot row as the feed writes it. */
    public static String enrolmentRow(Instant ts, String tenant, String course, String batch, String user, int status,
                                      double completion, Instant completedOn, long timeSpent, long version,
                                      String rowId) {
        return "{\"ts\":\"" + ts + "\",\"tenant\":\"" + tenant + "\",\"course_id\":\"" + course + "\",\"batch_id\":\""
                + batch + "\",\"user_id\":\"" + user + "\",\"completion_percentage\":" + completion + ",\"status\":"
                + status + ",\"completed_count\":0,\"leaf_nodes_count\":0,\"completed_on\":"
                + (completedOn == null ? "null" : "\"" + completedOn + "\"") + ",\"time_spent_seconds\":" + timeSpent
                + ",\"version\":" + version + ",\"row_id\":\"" + rowId + "\"}";
    }
}
