package dev.stride.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UuidsTest {

  @Test
  void kafkaClusterIdsAre22UrlSafeCharactersNeverStartingWithADash() {
    // about 1 in 64 random ids starts with '-': 5,000 draws would hit one with near certainty
    IntStream.range(0, 5_000).mapToObj(i -> Uuids.kafkaClusterId()).forEach(id -> {
      assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
      assertThat(id).doesNotStartWith("-");
    });
  }
}
