package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregator's text codec writes exactly the driver's bytes and reads them back. */
class Utf8TextTest {

    @Property(tries = 300)
    void encodesAsTheDriversTextCodec(@ForAll String value) {
        assertThat(Utf8Text.CODEC.encode(value, ProtocolVersion.DEFAULT))
                .isEqualTo(TypeCodecs.TEXT.encode(value, ProtocolVersion.DEFAULT));
        assertThat(Utf8Text.CODEC.decode(Utf8Text.CODEC.encode(value, ProtocolVersion.DEFAULT), ProtocolVersion.DEFAULT))
                .isEqualTo(value);
    }

    @Test
    void nullStaysUnset() {
        assertThat(Utf8Text.CODEC.encode(null, ProtocolVersion.DEFAULT)).isNull();
        assertThat(Utf8Text.CODEC.encode("é:ü-1", ProtocolVersion.DEFAULT))
                .isEqualTo(TypeCodecs.TEXT.encode("é:ü-1", ProtocolVersion.DEFAULT));
    }
}
