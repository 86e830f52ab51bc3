package dev.stride.core.ids;

import dev.stride.core.validation.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"do_11316025429498265611", "0131000245281587206", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
            "user@example.org", "urn:tenant:ka", "x"})
    void acceptsSunbirdStyleIds(String id) {
        assertThat(Ids.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "a|b", "a b", "ünïcode", "a/b"})
    void rejectsOthers(String id) {
        assertThat(Ids.isValid(id)).isFalse();
    }

    @Test
    void limitsLength() {
        assertThat(Ids.isValid("x".repeat(128))).isTrue();
        assertThat(Ids.isValid("x".repeat(129))).isFalse();
    }

    @Test
    void checkNamesTheField() {
        assertThat(Ids.check("request.userId", null)).contains(new FieldError("request.userId", "is required"));
        assertThat(Ids.check("request.userId", "a|b")).contains(new FieldError("request.userId", Ids.RULE));
        assertThat(Ids.check("request.userId", "u1")).isEmpty();
        assertThatThrownBy(() -> Ids.requireValid("userId", "a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestIdsAreRandomUuids() {
        String id = Ids.newRequestId();
        assertThat(UUID.fromString(id).version()).isEqualTo(4);
        assertThat(Ids.newRequestId()).isNotEqualTo(id);
    }

    @Test
    void nameBasedIdsAreDeterministicVersion5() {
        String a = Ids.nameBased("t1", "u1", "c1");
        assertThat(Ids.nameBased("t1", "u1", "c1")).isEqualTo(a);
        assertThat(UUID.fromString(a).version()).isEqualTo(5);
        assertThat(UUID.fromString(a).variant()).isEqualTo(2);
        assertThat(Ids.nameBased("t1", "u1", "c2")).isNotEqualTo(a);
        assertThat(Ids.nameBased("ab", "c")).isNotEqualTo(Ids.nameBased("a", "bc"));
    }

    @Test
    void uuidV5MatchesTheRfcExample() {
        // RFC 4122 / Python uuid.uuid5(NAMESPACE_DNS, "python.org")
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(Ids.uuidV5(dns, "python.org")).isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }
}
