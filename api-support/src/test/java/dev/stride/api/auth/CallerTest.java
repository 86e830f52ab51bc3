package dev.stride.api.auth;

import dev.stride.api.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    @Test
    void theCallerComesFromTheTokenClaims() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("u1").claim("tenant", "acme")
                .claim("roles", List.of("INSTRUCTOR")).claim("name", "Ada").issuedAt(Instant.now()).build();

        assertThat(Caller.of(jwt)).isEqualTo(new Caller("u1", "acme", Set.of("INSTRUCTOR"), "Ada"));
    }

    @Test
    void aTokenWithoutRolesHasNone() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("u1").claim("tenant", "acme").build();

        assertThat(Caller.of(jwt).roles()).isEmpty();
    }

    @Test
    void rolesAreRequiredAsListed() {
        Caller ops = new Caller("u1", "acme", Set.of(Caller.OPS), "Ops");

        assertThat(ops.hasAnyRole(Caller.GROUP_ADMIN, Caller.OPS)).isTrue();
        assertThatCode(() -> ops.requireAnyRole(Caller.OPS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ops.requireAnyRole(Caller.ORG_ADMIN, Caller.INSTRUCTOR))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.err()).isEqualTo("FORBIDDEN"))
                .hasMessageContaining("ORG_ADMIN, INSTRUCTOR");
    }

    @Test
    void aLearnerActsOnlyOnThemselvesWhileStaffActOnAnyone() {
        Caller learner = new Caller("u1", "acme", Set.of(), "Lea");
        Caller instructor = new Caller("i1", "acme", Set.of(Caller.INSTRUCTOR), "Ian");

        assertThatCode(() -> learner.requireSelfOrStaff("u1", "userId")).doesNotThrowAnyException();
        assertThatThrownBy(() -> learner.requireSelfOrStaff("u2", "userId"))
                .isInstanceOf(ApiException.class).hasMessageContaining("userId must be the caller's own user id");
        assertThatCode(() -> instructor.requireSelfOrStaff("u2", "userId")).doesNotThrowAnyException();
    }
}
