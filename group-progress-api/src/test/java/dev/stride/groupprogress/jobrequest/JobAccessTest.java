package dev.stride.groupprogress.jobrequest;

import dev.stride.api.auth.Caller;
import dev.stride.api.web.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class JobAccessTest {

    static Caller caller(String... roles) {
        return new Caller("u1", "t", Set.of(roles), "U");
    }

    static JobRequest job(Dataset d, Map<String, String> config) {
        return JobRequest.submitted("t", "tag", "0123456789abcdef0123456789abcdef", d, config, "u0", "csv", Instant.EPOCH);
    }

    static final JobRequest BATCH = job(Dataset.PROGRESS_EXHAUST, Map.of("batchId", "b1", "courseId", "c1"));
    static final JobRequest RESPONSES = job(Dataset.RESPONSE_EXHAUST, Map.of("batchId", "b1", "courseId", "c1"));
    static final JobRequest GROUP = job(Dataset.GROUP_PROGRESS, Map.of("groupId", "g1"));
    static final JobRequest COURSE = job(Dataset.COURSE_SUMMARY, Map.of("courseId", "c1"));

    @Test
    void batchAndCourseReportsAreForStaff() {
        for (JobRequest j : List.of(BATCH, RESPONSES, COURSE)) {
            assertThat(JobAccess.visible(caller("ORG_ADMIN"), j, Set.of())).isTrue();
            assertThat(JobAccess.visible(caller("INSTRUCTOR"), j, Set.of())).isTrue();
            assertThat(JobAccess.visible(caller("LEARNER"), j, Set.of("g1"))).isFalse();
            assertThat(JobAccess.visible(caller("GROUP_ADMIN"), j, Set.of("g1"))).isFalse();
        }
        assertThatNoException().isThrownBy(() -> JobAccess.requireStaff(caller("INSTRUCTOR"), Dataset.PROGRESS_EXHAUST));
        assertThatThrownBy(() -> JobAccess.requireStaff(caller("LEARNER"), Dataset.COURSE_SUMMARY))
                .isInstanceOf(ApiException.class).hasMessage("course-summary reports are for ORG_ADMIN and INSTRUCTOR");
    }

    @Test
    void groupReportsAreForTheGroupsAdminsWhateverTheirTokenRole() {
        assertThat(JobAccess.visible(caller("LEARNER"), GROUP, Set.of("g1"))).isTrue();
        assertThat(JobAccess.visible(caller("INSTRUCTOR"), GROUP, Set.of())).isFalse();
        assertThat(JobAccess.visible(caller("GROUP_ADMIN"), GROUP, Set.of("g2"))).isFalse();
    }

    @Test
    void onlyGroupDatasetsNameGroups() {
        assertThat(JobAccess.groupIds(List.of(BATCH, GROUP, COURSE, job(Dataset.GROUP_PROGRESS, Map.of("groupId", "g2")))))
                .containsExactlyInAnyOrder("g1", "g2");
    }

    @Test
    void theAuditSubjectIsWhatTheReportCovers() {
        assertThat(JobRequestService.subject(BATCH)).isEqualTo("batch:b1");
        assertThat(JobRequestService.subject(RESPONSES)).isEqualTo("batch:b1");
        assertThat(JobRequestService.subject(GROUP)).isEqualTo("group:g1");
        assertThat(JobRequestService.subject(COURSE)).isEqualTo("course:c1");
    }
}
