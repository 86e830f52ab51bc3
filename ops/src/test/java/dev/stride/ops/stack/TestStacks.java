package dev.stride.ops.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

final class TestStacks {
  private TestStacks() {}

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A stack config in its own home with every port free, so tests never touch the developer's stack. */
  static StackConfig isolated(Path home) throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    return new StackConfig(root, home, "127.0.0.1", freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
        "stride", "512m", freePort(), freePort());
  }
}
