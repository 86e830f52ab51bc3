package dev.stride.samza.reconcile;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconcileMainTest {

    @Test
    void parsesTheCommandLine() {
        ReconcileMain.Options o = ReconcileMain.Options.parse(
                new String[] {"--tenant", "t", "--course", "c", "--batch", "b", "--dry-run", "--attempts-limit", "5"});

        assertThat(o).isEqualTo(new ReconcileMain.Options("t", "c", Optional.of("b"), true, 5));
        assertThat(ReconcileMain.Options.parse(new String[] {"--tenant", "t", "--course", "c"}).batch()).isEmpty();
    }

    @Test
    void needsTenantAndCourse() {
        assertThatThrownBy(() -> ReconcileMain.Options.parse(new String[] {"--course", "c"}))
                .hasMessageContaining("--tenant and --course are required");
        assertThatThrownBy(() -> ReconcileMain.Options.parse(new String[] {"--tenant"}))
                .hasMessageContaining("--tenant needs a value");
    }

    @Test
    void sumsQuestionDurationsOfStoredResponses() {
        assertThat(EnrolmentFacts.seconds("[{\"id\":\"q1\",\"duration\":12.5},{\"id\":\"q2\"},{\"id\":\"q3\",\"duration\":3}]"))
                .isEqualTo(15.5);
        assertThat(EnrolmentFacts.seconds("not json")).isZero();
        assertThat(EnrolmentFacts.seconds(null)).isZero();
    }
}
