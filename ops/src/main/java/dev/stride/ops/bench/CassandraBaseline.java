package dev.stride.ops.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The denominator of the API's figures: raw single-row async prepared inserts into a table shaped like
 * user_content_consumption, on the same Cassandra, in the same run.
 */
final class CassandraBaseline {
  private CassandraBaseline() {}

  static LoadResult run(CqlSession session, String keyspace, int inFlight, Duration warmup, Duration measure)
      throws InterruptedException {
    session.execute("CREATE TABLE IF NOT EXISTS " + keyspace + ".bench_raw_writes (tenant text, user_id text, course_id text,"
        + " batch_id text, content_id text, request_id text, status int, progress int, last_access_time timestamp,"
        + " PRIMARY KEY ((tenant, user_id, course_id, batch_id), content_id, request_id))");
    PreparedStatement insert = session.prepare("INSERT INTO " + keyspace + ".bench_raw_writes (tenant, user_id, course_id,"
        + " batch_id, content_id, request_id, status, progress, last_access_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, toTimestamp(now()))");
    try {
      return ClosedLoop.run("cassandra raw single-row write", inFlight, warmup, measure, 1, () -> {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return session.executeAsync(insert.bind("bench", "u" + r.nextInt(100_000), "c1", "b1", "do_" + r.nextInt(50),
                UUID.randomUUID().toString(), r.nextInt(3), r.nextInt(101)))
            .toCompletableFuture()
            .handle((rs, e) -> new StrideClient.Response(e == null ? 200 : 500, ""));
      });
    } finally {
      session.execute("TRUNCATE " + keyspace + ".bench_raw_writes");
    }
  }

}
