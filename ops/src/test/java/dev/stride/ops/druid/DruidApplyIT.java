package dev.stride.ops.druid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.druid.specs.DruidAdmin;
import dev.stride.druid.specs.DruidDatasource;
import dev.stride.druid.specs.SupervisorTarget;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.Test;

/** Applying the specs is an upsert against the real Druid: twice leaves one supervisor, updated, and the same rules. */
@StrideIntegrationTest
class DruidApplyIT {

  @Test
  void reApplyingLeavesOneSupervisorPerDatasourceUpdatedInPlace(StrideStack stack) {
    DruidAdmin admin = new DruidAdmin(stack.druidCoordinatorUrl());
    String ds = stack.uniqueName("apply").replace('-', '_');
    try {
      admin.apply(new SupervisorTarget(DruidDatasource.ENROLMENT_PROGRESS, ds, ds + ".first", stack.kafkaBootstrap()));
      admin.apply(new SupervisorTarget(DruidDatasource.ENROLMENT_PROGRESS, ds, ds + ".second", stack.kafkaBootstrap()));

      assertThat(admin.supervisorIds()).containsOnlyOnce(ds);
      assertThat(admin.supervisorSpec(ds)).contains("\"topic\":\"" + ds + ".second\"").doesNotContain(ds + ".first");
      assertThat(admin.rules(ds)).contains("\"period\":\"P7Y\"", "\"type\":\"loadByPeriod\"", "\"type\":\"dropForever\"");
      assertThat(admin.compaction(ds)).contains("\"dataSource\":\"" + ds + "\"", "\"skipOffsetFromLatest\":\"P1D\"");
    } finally {
      admin.terminate(ds);
      admin.forget(ds);
    }
  }

  @Test
  void theRolledUpDatasourceGetsItsOwnSupervisorOnTheSameTopic(StrideStack stack) {
    DruidAdmin admin = new DruidAdmin(stack.druidCoordinatorUrl());
    String raw = stack.uniqueName("apply_lp").replace('-', '_');
    String rolled = stack.uniqueName("apply_la").replace('-', '_');
    String topic = raw + ".topic";
    try {
      admin.apply(new SupervisorTarget(DruidDatasource.LEARNER_PROGRESS, raw, topic, stack.kafkaBootstrap()));
      admin.apply(new SupervisorTarget(DruidDatasource.LEARNER_ACTIVITY, rolled, topic, stack.kafkaBootstrap()));
      admin.apply(new SupervisorTarget(DruidDatasource.LEARNER_ACTIVITY, rolled, topic, stack.kafkaBootstrap()));

      assertThat(admin.supervisorIds()).containsOnlyOnce(raw, rolled);
      // Druid accepted the sketch metrics (the datasketches extension is on its classpath) and the hourly rollup
      assertThat(admin.supervisorSpec(rolled)).contains("\"topic\":\"" + topic + "\"", "\"type\":\"thetaSketch\"",
          "\"rollup\":true");
      assertThat(admin.rules(rolled)).contains("\"period\":\"P7Y\"", "\"type\":\"dropForever\"");
      assertThat(admin.compaction(rolled)).contains("\"dataSource\":\"" + rolled + "\"");
    } finally {
      for (String ds : new String[] {raw, rolled}) {
        admin.terminate(ds);
        admin.forget(ds);
      }
    }
  }
}
