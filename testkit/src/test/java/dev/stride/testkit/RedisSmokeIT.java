package dev.stride.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

@StrideIntegrationTest
class RedisSmokeIT {

  @Test
  void setsWithATtlAndGetsThroughRedisson(StrideStack stack) throws Exception {
    Config config = new Config();
    config.useSingleServer().setAddress(stack.redisUri());
    RedissonClient redis = Redisson.create(config);
    try {
      String key = stack.uniqueName("smoke:redis");
      RBucket<String> bucket = redis.getBucket(key, StringCodec.INSTANCE);
      bucket.set("cached", Duration.ofSeconds(1));

      assertThat(bucket.get()).isEqualTo("cached");
      assertThat(bucket.remainTimeToLive()).isBetween(1L, 1000L);

      Thread.sleep(1300);
      assertThat(bucket.get()).as("the TTL expired the entry").isNull();
    } finally {
      redis.shutdown();
    }
  }
}
