package dev.stride.groupprogress;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.stride.schema.MigrationRunner;
import dev.stride.schema.Replication;
import dev.stride.testkit.StrideStack;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One running instance of the service against the real stack, with a fresh keyspace and its own Redis key prefix. */
final class TestApi implements AutoCloseable {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-for-hs256";

    final String keyspace;
    final String redisPrefix;
    final ConfigurableApplicationContext context;
    final WebTestClient client;
    final int port;
    private final StrideStack stack;

    private TestApi(StrideStack stack, String keyspace, String redisPrefix, Map<String, Object> extra) {
        this.stack = stack;
        this.keyspace = keyspace;
        this.redisPrefix = redisPrefix;
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", 0);
        props.put("stride.cassandra.contact-point", stack.cassandraContactPoint());
        props.put("stride.cassandra.keyspace", keyspace);
        props.put("stride.redis.address", stack.redisUri());
        props.put("stride.redis.key-prefix", redisPrefix);
        props.put("stride.auth.jwt-secret", SECRET);
        props.put("stride.cache.settings-poll", "PT0.5S");
        props.putAll(extra);
        // Command-line arguments outrank application.yml (builder "properties" are only defaults).
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        this.context = new SpringApplicationBuilder(GroupProgressApplication.class).run(args);
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A new keyspace (migrated) and a new Redis key prefix. */
    static TestApi start(StrideStack stack, Map<String, Object> extra) {
        String ks = stack.freshKeyspace("gpa");
        MigrationRunner.migrate(stack.session(), ks, Replication.simple(1));
        return new TestApi(stack, ks, stack.uniqueName("gp") + ":", extra);
    }

    /** Another instance on the same keyspace and Redis keys (a second node behind a load balancer). */
    TestApi twin(Map<String, Object> extra) {
        return new TestApi(stack, keyspace, redisPrefix, extra);
    }

    double counter(String name, String... tags) {
        var c = context.getBean(MeterRegistry.class).find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    static String token(String tenant, String user, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("stride-local").subject(user)
                .claim("tenant", tenant).claim("roles", roles).claim("name", "Name of " + user)
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
