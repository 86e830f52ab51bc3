package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's token-signing secret: STRIDE_JWT_SECRET when set, else a random one generated
 * once under the stack home. Never in the repository.
 */
public final class Secrets {
  private Secrets() {}

  public static Path jwtSecretFile(StackConfig config) {
    return config.home().resolve("secrets").resolve("jwt-hs256.secret");
  }

  public static String jwtSecret(StackConfig config) throws IOException {
    String env = System.getenv("STRIDE_JWT_SECRET");
    if (env != null && !env.isBlank()) {
      return env;
    }
    Path file = jwtSecretFile(config);
    if (!Files.exists(file)) {
      byte[] key = new byte[48];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(file.getParent());
      Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: the file stays readable as created
      }
    }
    return Files.readString(file).trim();
  }
}
