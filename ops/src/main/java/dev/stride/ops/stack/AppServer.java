package dev.stride.ops.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Stride application (an API, a Samza job) run by `stride up` in its own JVM from its module's
 * build output: target/classes plus target/classpath.txt (written by the module's build), so no fat
 * jar and no mixing with other modules' classpaths. Configuration reaches it as environment variables.
 */
public abstract class AppServer implements Server {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** The Maven module folder, e.g. "content-state-api". */
  protected abstract String module();

  protected abstract String mainClass();

  /** The HTTP port it serves (health on /actuator/health), or 0 for a headless job. */
  protected abstract int httpPort(StackConfig config);

  /** Environment for the JVM; {@link #baseEnvironment} gives the stack's endpoints. */
  protected Map<String, String> environment(StackConfig config) throws IOException {
    return baseEnvironment(config);
  }

  protected List<String> jvmArgs(StackConfig config) {
    return List.of("-Xmx512m", "-XX:+UseG1GC");
  }

  /** For headless jobs: a readiness check other than HTTP (default: the process is alive). */
  protected boolean jobHealthy(StackConfig config) {
    return true;
  }

  /** Where a person reaches it: its base URL, or "(job)" for a headless one. */
  public String url(StackConfig config) {
    int port = httpPort(config);
    return port == 0 ? "(job, no HTTP)" : "http://" + config.host() + ":" + port;
  }

  @Override
  public List<Integer> ports(StackConfig config) {
    int port = httpPort(config);
    return port == 0 ? List.of() : List.of(port);
  }

  @Override
  public void prepare(StackConfig config) throws IOException {
    Files.createDirectories(config.dir(name()));
    Path classes = config.root().resolve(module()).resolve("target/classes");
    Path classpath = config.root().resolve(module()).resolve("target/classpath.txt");
    if (!Files.isDirectory(classes) || !Files.exists(classpath)) {
      throw new IOException(module() + " is not built: run `mvn -B -q install -DskipTests` in " + config.root()
          + " (stride up builds the applications first unless --no-build)");
    }
  }

  @Override
  public List<String> command(StackConfig config) throws IOException {
    Path moduleDir = config.root().resolve(module());
    String cp = moduleDir.resolve("target/classes") + ":" + Files.readString(moduleDir.resolve("target/classpath.txt")).trim();
    List<String> cmd = new ArrayList<>(List.of("env"));
    environment(config).forEach((k, v) -> cmd.add(k + "=" + v));
    if (httpPort(config) != 0) {
      cmd.add("PORT=" + httpPort(config)); // both Spring services read server.port from PORT
    }
    cmd.addAll(JavaServers.javaCommand(JavaServers.withOperatorOptions(name(), jvmArgs(config)), cp, mainClass()));
    return cmd;
  }

  @Override
  public boolean healthy(StackConfig config) {
    int port = httpPort(config);
    if (port == 0) {
      return jobHealthy(config);
    }
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
              URI.create("http://" + config.host() + ":" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(120);
  }

  /** What every application needs to find the stack. */
  public static Map<String, String> baseEnvironment(StackConfig config) throws IOException {
    Secrets.jwtSecret(config); // generated on first use
    return Map.of(
        "STRIDE_CASSANDRA", config.cassandraContactPoint(),
        "STRIDE_KEYSPACE", config.keyspace(),
        "STRIDE_KAFKA", config.kafkaBootstrap(),
        "STRIDE_ZOOKEEPER", config.zookeeperConnect(),
        "STRIDE_REDIS", config.redisUri(),
        "STRIDE_JWT_SECRET_FILE", Secrets.jwtSecretFile(config).toString(),
        "STRIDE_HOME", config.home().toString());
  }
}
