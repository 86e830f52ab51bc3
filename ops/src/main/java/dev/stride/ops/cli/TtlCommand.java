package dev.stride.ops.cli;

import dev.stride.core.event.Json;
import dev.stride.ops.bench.StrideClient;
import dev.stride.ops.stack.Secrets;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** The group-progress cache TTL knob at run time, through group-progress-api's OPS endpoints. */
@Command(name = "ttl", mixinStandardHelpOptions = true,
    description = "Reads (get), sets (set PT60S) or suggests (advise) the group-progress cache TTL; every instance follows within seconds.")
final class TtlCommand {

  @Mixin StackOptions options;

  @Command(name = "get", description = "Prints the TTL in force and who set it.")
  int get() throws IOException {
    return call("GET", "/admin/cache/ttl", null);
  }

  @Command(name = "set", description = "Sets the TTL: an ISO-8601 duration of whole seconds, PT1S to PT24H (e.g. PT60S).")
  int set(@Parameters(paramLabel = "DURATION") String ttl) throws IOException {
    return call("PUT", "/admin/cache/ttl", Json.write(Map.of("ttl", ttl)));
  }

  @Command(name = "advise", description = "Suggests a TTL from the read and change rates group-progress-api observed "
      + "(TTL = sqrt(2 * C / (R * U)); see docs).")
  int advise() throws IOException {
    return call("GET", "/admin/cache/ttl/advice", null);
  }

  private int call(String method, String path, String body) throws IOException {
    StackConfig config = options.config();
    String token = Tokens.mint(Secrets.jwtSecret(config), "ops", "stride-cli", List.of("OPS"), "stride ttl", Duration.ofMinutes(5));
    StrideClient.Response r;
    try {
      r = new StrideClient(config.groupProgressApiUrl()).sendBody(method, path, token, "application/json", body).join();
    } catch (RuntimeException e) {
      System.err.println("group-progress-api does not answer at " + config.groupProgressApiUrl() + " (is the stack up?): "
          + e.getMessage());
      return 1;
    }
    JsonNode json = r.body().startsWith("{") ? Json.MAPPER.readTree(r.body()) : null;
    if (r.status() != 200 || json == null) {
      String why = json == null ? r.body() : json.path("params").path("errmsg").asString(r.body());
      System.err.println("stride ttl: HTTP " + r.status() + ": " + why);
      return 1;
    }
    System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json.path("result")));
    return 0;
  }
}
