package dev.stride.groupprogress.dashboard;

import dev.stride.api.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTokenTest {

    @Test
    void roundTripsNumericAndTextKeys() {
        String numeric = new PageToken("completion", "desc", new PageToken.Position(42.5, "u7")).encode();
        assertThat(PageToken.decode(numeric, DashboardSort.COMPLETION, "desc")).isEqualTo(new PageToken.Position(42.5, "u7"));
        String text = new PageToken("name", "asc", new PageToken.Position("asha", "u1")).encode();
        assertThat(PageToken.decode(text, DashboardSort.NAME, "asc")).isEqualTo(new PageToken.Position("asha", "u1"));
        String none = new PageToken("score", "asc", new PageToken.Position(null, "u2")).encode();
        assertThat(PageToken.decode(none, DashboardSort.SCORE, "asc").key()).isNull();
    }

    @Test
    void refusesForeignOrMismatchedTokens() {
        String t = new PageToken("completion", "desc", new PageToken.Position(1.0, "u")).encode();
        assertThatThrownBy(() -> PageToken.decode(t, DashboardSort.NAME, "desc")).isInstanceOf(ApiException.class)
                .hasMessageContaining("pagingState");
        assertThatThrownBy(() -> PageToken.decode(t, DashboardSort.COMPLETION, "asc")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageToken.decode("%%%", DashboardSort.NAME, "asc")).isInstanceOf(ApiException.class);
        String wrongType = new PageToken("completion", "asc", new PageToken.Position("x", "u")).encode();
        assertThatThrownBy(() -> PageToken.decode(wrongType, DashboardSort.COMPLETION, "asc")).isInstanceOf(ApiException.class);
    }

    @Test
    void missingValuesSortLastBothWays() {
        var asc = DashboardSort.SCORE.order(false);
        var desc = DashboardSort.SCORE.order(true);
        var none = new PageToken.Position(null, "a");
        var one = new PageToken.Position(1.0, "b");
        var two = new PageToken.Position(2.0, "c");
        assertThat(asc.compare(one, two)).isNegative();
        assertThat(desc.compare(one, two)).isPositive();
        assertThat(asc.compare(none, one)).isPositive();
        assertThat(desc.compare(none, one)).isPositive();
    }
}
