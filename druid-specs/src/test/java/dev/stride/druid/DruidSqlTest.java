package dev.stride.druid;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DruidSqlTest {

    static final List<String> QUERIES = List.of("learner_progress/trend-activity", "enrolment_progress/trend-enrolments",
            "enrolment_progress/course-summary");

    @Test
    void jdbcUrlFromBrokerAddress() {
        assertThat(DruidSql.jdbcUrl("localhost:8082"))
                .isEqualTo("jdbc:avatica:remote:url=http://localhost:8082/druid/v2/sql/avatica/");
        assertThat(DruidSql.jdbcUrl("https://druid.example:443/"))
                .isEqualTo("jdbc:avatica:remote:url=https://druid.example:443/druid/v2/sql/avatica/");
        assertThatThrownBy(() -> DruidSql.jdbcUrl(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyQueryIsParameterisedScopedByTenantAndSaysWhyDuplicatesDoNotCount() {
        for (String q : QUERIES) {
            String sql = DruidSql.text(q);
            String datasource = q.substring(0, q.indexOf('/'));
            assertThat(sql).as(q).contains("FROM \"" + datasource + "\"").contains("WHERE tenant = ?")
                    .containsIgnoringCase("idempotent against duplicated rows").doesNotContain("${").doesNotContain("%s");
        }
    }

    @Test
    void renamesOnlyTheConfiguredDatasources() {
        DruidSql druid = new DruidSql("localhost:1", Duration.ofSeconds(1), Map.of("learner_progress", "lp_test-1"));
        assertThat(druid.sql("learner_progress/trend-activity")).contains("FROM \"lp_test-1\"")
                .doesNotContain("\"learner_progress\"");
        assertThat(druid.sql("enrolment_progress/course-summary")).contains("FROM \"enrolment_progress\"");
        assertThatThrownBy(() -> new DruidSql("localhost:1", Duration.ofSeconds(1), Map.of("x", "a\" OR 1=1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DruidSql.text("nope/none")).hasMessageContaining("sql/nope/none.sql");
    }

    @Test
    void classifiesFailures() {
        SQLException missing = new SQLException("Error while executing SQL \"SELECT ...\": Remote driver error: "
                + "From line 4, column 6 to line 4, column 23: Object 'learner_progress' not found");
        assertThat(DruidSql.classify(missing)).isEqualTo(DruidSql.Failure.MISSING_DATASOURCE);
        // A failed prepare: the reason is only in the broker's remote stack traces (as Druid 33 answers).
        SQLException prepare = new org.apache.calcite.avatica.AvaticaSqlException("while preparing SQL: SELECT ...",
                "00000", -1, List.of("QueryInterruptedException{msg=Object 'lp_x' not found (line [1], column [22])"),
                "localhost:8082");
        assertThat(DruidSql.classify(prepare)).isEqualTo(DruidSql.Failure.MISSING_DATASOURCE);
        assertThat(DruidSql.classify(new RuntimeException("Failed to execute HTTP Request",
                new ConnectException("Connection refused")))).isEqualTo(DruidSql.Failure.UNAVAILABLE);
        assertThat(DruidSql.classify(new SQLException("x", new IOException("socket closed"))))
                .isEqualTo(DruidSql.Failure.UNAVAILABLE);
        assertThat(DruidSql.classify(new SQLException("Query timeout"))).isEqualTo(DruidSql.Failure.UNAVAILABLE);
        assertThat(DruidSql.classify(new SQLException("Remote driver error: ResourceLimitExceededException: Not enough"
                + " merge buffer memory to execute this query."))).isEqualTo(DruidSql.Failure.UNAVAILABLE);
        assertThat(DruidSql.classify(new SQLException("Column 'nope' not found in any table")))
                .isEqualTo(DruidSql.Failure.FAILED);
    }

    @Test
    void aClosedPortIsUnavailableWithinTheTimeout() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DruidSql druid = new DruidSql("127.0.0.1:" + port, Duration.ofSeconds(2));
        long start = System.nanoTime();
        assertThatThrownBy(() -> druid.query("learner_progress/trend-activity", r -> 1, "t", "c", "b", 0L, 1L))
                .isInstanceOf(DruidSql.Unavailable.class).hasMessageContaining("127.0.0.1:" + port);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
