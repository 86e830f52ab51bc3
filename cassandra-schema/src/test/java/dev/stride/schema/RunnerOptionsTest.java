package dev.stride.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerOptionsTest {

    @Test
    void defaultsToTheLocalStack() {
        RunnerOptions o = RunnerOptions.parse(new String[0]);
        assertThat(o.contactPoints()).isEqualTo("127.0.0.1:9042");
        assertThat(o.datacenter()).isEqualTo("datacenter1");
        assertThat(o.keyspace()).isEqualTo("stride");
        assertThat(o.replication()).isEqualTo(Replication.simple(1));
    }

    @Test
    void parsesEveryOption() {
        RunnerOptions o = RunnerOptions.parse(new String[] {"--contact-point", "10.0.0.1:9142", "--datacenter=dc1",
            "--keyspace", "stride_prod", "--replication", "nts:dc1=3,dc2=3"});
        assertThat(o).isEqualTo(new RunnerOptions("10.0.0.1:9142", "dc1", "stride_prod",
                Replication.networkTopology(Map.of("dc1", 3, "dc2", 3)), false));
    }

    @Test
    void refusesUnknownOptionsMissingValuesAndBadKeyspaces() {
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--frobnicate", "1"}))
                .hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--keyspace"})).hasMessageContaining("value");
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--keyspace", "stride;DROP"}))
                .hasMessageContaining("stride;DROP");
    }

    @Test
    void parsesContactPoints() {
        assertThat(CassandraSessions.contactPoints("127.0.0.1:9043, 127.0.0.2, [::1]:9044"))
                .containsExactly(new InetSocketAddress("127.0.0.1", 9043), new InetSocketAddress("127.0.0.2", 9042),
                        new InetSocketAddress("::1", 9044));
        assertThatThrownBy(() -> CassandraSessions.contactPoints("127.0.0.1:99999")).hasMessageContaining("99999");
        assertThatThrownBy(() -> CassandraSessions.contactPoints(" ")).hasMessageContaining("required");
    }
}
