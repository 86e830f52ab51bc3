package dev.stride.ops.stack;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

final class Uuids {
  private Uuids() {}

  /**
   * Kafka's cluster id form: a random UUID as 22 URL-safe base64 characters, never starting with '-'
   * (the storage tool would read it as an option; Kafka's own Uuid.randomUuid() skips those too).
   */
  static String kafkaClusterId() {
    String id;
    do {
      UUID uuid = UUID.randomUUID();
      ByteBuffer buf = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    } while (id.startsWith("-"));
    return id;
  }
}
