package dev.stride.ops.stack;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

final class Uuids {
  private Uuids() {}

  /** Kafka's cluster id form: a random UUID as 22 URL-safe base64 characters. */
  static String kafkaClusterId() {
    UUID uuid = UUID.randomUUID();
    ByteBuffer buf = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
  }
}
