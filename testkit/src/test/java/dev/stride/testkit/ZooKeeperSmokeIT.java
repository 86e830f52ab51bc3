package dev.stride.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

@StrideIntegrationTest
class ZooKeeperSmokeIT {

  @Test
  void connectsAndKeepsAnEphemeralNode(StrideStack stack) throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk = new ZooKeeper(stack.zookeeperConnect(), 10_000, event -> {
      if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    });
    try {
      assertThat(connected.await(20, TimeUnit.SECONDS)).as("connected to ZooKeeper").isTrue();
      String path = "/" + stack.uniqueName("stride-smoke");
      zk.create(path, "hello".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);

      assertThat(new String(zk.getData(path, false, null), StandardCharsets.UTF_8)).isEqualTo("hello");
    } finally {
      zk.close();
    }
  }
}
