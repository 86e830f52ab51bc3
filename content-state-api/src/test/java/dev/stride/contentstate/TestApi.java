package dev.stride.contentstate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.stride.schema.MigrationRunner;
import dev.stride.schema.Replication;
import dev.stride.testkit.StrideStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One running instance of the service against the real stack, with a fresh keyspace and its own topics. */
final class TestApi implements AutoCloseable {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-for-hs256";

    final String keyspace;
    final String contentTopic;
    final String courseTopic;
    final ConfigurableApplicationContext context;
    final WebTestClient client;
    private final StrideStack stack;

    private TestApi(StrideStack stack, String keyspace, String contentTopic, String courseTopic, Map<String, Object> extra) {
        this.stack = stack;
        this.keyspace = keyspace;
        this.contentTopic = contentTopic;
        this.courseTopic = courseTopic;
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", 0);
        props.put("stride.cassandra.contact-point", stack.cassandraContactPoint());
        props.put("stride.cassandra.keyspace", keyspace);
        props.put("stride.kafka.bootstrap-servers", stack.kafkaBootstrap());
        props.put("stride.kafka.content-state-topic", contentTopic);
        props.put("stride.kafka.course-structure-topic", courseTopic);
        props.put("stride.kafka.partitions", 1);
        props.put("stride.auth.jwt-secret", SECRET);
        props.put("stride.content.max-contents-per-request", 5);
        props.putAll(extra);
        // Command-line arguments outrank application.yml (builder "properties" are only defaults).
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        this.context = new SpringApplicationBuilder(ContentStateApplication.class).run(args);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A new keyspace (migrated) and new topics. */
    static TestApi start(StrideStack stack, Map<String, Object> extra) {
        String ks = stack.freshKeyspace("csa");
        MigrationRunner.migrate(stack.session(), ks, Replication.simple(1));
        return new TestApi(stack, ks, stack.uniqueName("cs"), stack.uniqueName("course"), extra);
    }

    /** Another instance on the same keyspace and topics (a second API node behind a load balancer). */
    TestApi twin(Map<String, Object> extra) {
        return new TestApi(stack, keyspace, contentTopic, courseTopic, extra);
    }

    static String token(String tenant, String user, List<String> roles) {
        return token(tenant, user, roles, SECRET, Duration.ofHours(1));
    }

    static String token(String tenant, String user, List<String> roles, String secret, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("stride-local").subject(user)
                .claim("tenant", tenant).claim("roles", roles).claim("name", "Name of " + user)
                .issueTime(Date.from(now.minus(Duration.ofHours(2)))).expirationTime(Date.from(now.plus(ttl))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record of the topic from the beginning, polling until {@code atLeast} arrived or the wait ends. */
    List<ConsumerRecord<String, String>> consume(String topic, int atLeast, Duration wait) {
        Map<String, Object> cfg = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, stack.uniqueName("it"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cfg)) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(wait);
            while (Instant.now().isBefore(end) && out.size() < atLeast) {
                consumer.poll(Duration.ofMillis(300)).forEach(out::add);
            }
            // A short extra poll so that "exactly n" also sees an unwanted extra record.
            consumer.poll(Duration.ofSeconds(1)).forEach(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        context.close();
    }
}
