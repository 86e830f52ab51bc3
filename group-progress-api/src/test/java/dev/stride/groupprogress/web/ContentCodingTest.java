package dev.stride.groupprogress.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentCodingTest {

    @Test
    void gzipWhenListedOrCoveredByStar() {
        assertThat(ContentCoding.acceptsGzip(List.of("gzip, deflate, br, zstd"))).isTrue(); // Chromium
        assertThat(ContentCoding.acceptsGzip(List.of("br;q=1.0, GZip;q=0.5"))).isTrue();
        assertThat(ContentCoding.acceptsGzip(List.of("x-gzip"))).isTrue();
        assertThat(ContentCoding.acceptsGzip(List.of("*"))).isTrue();
        assertThat(ContentCoding.acceptsGzip(List.of("deflate", "gzip"))).isTrue();
    }

    @Test
    void identityWhenAbsentRefusedOrOnlyOthers() {
        assertThat(ContentCoding.acceptsGzip(List.of())).isFalse();
        assertThat(ContentCoding.acceptsGzip(List.of("identity"))).isFalse();
        assertThat(ContentCoding.acceptsGzip(List.of("br, deflate"))).isFalse();
        assertThat(ContentCoding.acceptsGzip(List.of("gzip;q=0"))).isFalse();
        assertThat(ContentCoding.acceptsGzip(List.of("gzip;q=0.0, *"))).as("an explicit refusal beats *").isFalse();
        assertThat(ContentCoding.acceptsGzip(List.of("*;q=0"))).isFalse();
        assertThat(ContentCoding.acceptsGzip(List.of("gzip;q=abc"))).isFalse();
    }
}
