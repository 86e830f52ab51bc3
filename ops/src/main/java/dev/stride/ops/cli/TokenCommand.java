package dev.stride.ops.cli;

import dev.stride.ops.stack.Secrets;
import dev.stride.ops.stack.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Prints a signed token (HS256, the local stack's secret) for demos and tests.")
final class TokenCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  @Option(names = "--tenant", required = true) String tenant;

  @Option(names = "--user", required = true) String user;

  @Option(names = "--roles", split = ",", defaultValue = "LEARNER",
      description = "LEARNER, INSTRUCTOR, GROUP_ADMIN, ORG_ADMIN, SOURCE_SYSTEM, OPS (comma separated; default ${DEFAULT-VALUE}).")
  List<Role> roles;

  @Option(names = "--name", description = "Display name claim.") String name;

  @Option(names = "--ttl", defaultValue = "PT12H", description = "Lifetime as ISO-8601 duration (default ${DEFAULT-VALUE}).")
  Duration ttl;

  enum Role { LEARNER, INSTRUCTOR, GROUP_ADMIN, ORG_ADMIN, SOURCE_SYSTEM, OPS }

  @Override
  public Integer call() throws IOException {
    String secret = Secrets.jwtSecret(options.config());
    System.out.println(Tokens.mint(secret, tenant, user, roles.stream().map(Enum::name).toList(), name, ttl));
    return 0;
  }
}
