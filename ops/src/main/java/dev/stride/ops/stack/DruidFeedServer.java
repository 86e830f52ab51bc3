package dev.stride.ops.stack;

/**
 * The Druid feed (samza-jobs), one ZooKeeper-coordinated standalone process turning content-state and
 * enrolment-progress events into the Druid topics; started by `stride up --with druid`.
 */
public final class DruidFeedServer extends AppServer {

  @Override
  public String name() {
    return "druid-feed";
  }

  @Override
  protected String module() {
    return "samza-jobs";
  }

  @Override
  protected String mainClass() {
    return "dev.stride.samza.druidfeed.DruidFeedMain";
  }

  @Override
  protected int httpPort(StackConfig config) {
    return 0;
  }
}
