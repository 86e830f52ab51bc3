package dev.stride.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicationTest {

    @Test
    void rendersSimpleStrategy() {
        assertThat(Replication.simple(1).toCql()).isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 1}");
    }

    @Test
    void rendersNetworkTopologySortedByDataCentre() {
        Map<String, Integer> dcs = new LinkedHashMap<>();
        dcs.put("eu-west", 3);
        dcs.put("ap-south", 2);
        assertThat(Replication.networkTopology(dcs).toCql())
                .isEqualTo("{'class': 'NetworkTopologyStrategy', 'ap-south': 2, 'eu-west': 3}");
    }

    @Test
    void quotesDataCentreNames() {
        assertThat(Replication.networkTopology(Map.of("o'dc", 1)).toCql()).contains("'o''dc': 1");
    }

    @Test
    void parsesTheCommandLineForms() {
        assertThat(Replication.parse("simple:3")).isEqualTo(Replication.simple(3));
        assertThat(Replication.parse(" nts:dc1=3, dc2=3 "))
                .isEqualTo(Replication.networkTopology(Map.of("dc1", 3, "dc2", 3)));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Replication.simple(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Replication.networkTopology(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Replication.networkTopology(Map.of("dc1", 0)))
                .isInstanceOf(IllegalArgumentException.class);
        for (String bad : new String[] {"3", "simple:x", "nts:dc1", "nts:dc1=-1", "ring:3"}) {
            assertThatThrownBy(() -> Replication.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }
}
