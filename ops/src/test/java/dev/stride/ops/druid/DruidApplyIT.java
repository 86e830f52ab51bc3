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
}
