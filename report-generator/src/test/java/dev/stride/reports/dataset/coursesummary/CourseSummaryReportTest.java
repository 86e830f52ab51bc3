package dev.stride.reports.dataset.coursesummary;

import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetContext;
import dev.stride.reports.dataset.DatasetProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class CourseSummaryReportTest {

    @Test
    void theGeneratorFindsTheDatasetThroughItsServiceFile() {
        assertThat(ServiceLoader.load(DatasetProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(CourseSummaryReport.Provider.class);
        Dataset d = new CourseSummaryReport.Provider().create(new DatasetContext(null, 100, 4,
                Map.of("druid.broker", "localhost:8082")));
        assertThat(d.name()).isEqualTo("course-summary");
        assertThat(d.subjectKey()).isEqualTo("courseId");
    }
}
