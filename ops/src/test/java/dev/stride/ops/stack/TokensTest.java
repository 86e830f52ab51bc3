package dev.stride.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
  private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256!";

  @Test
  void carriesTheClaimsEveryServiceReadsAndVerifiesWithTheSecret() throws Exception {
    String token = Tokens.mint(SECRET, "t1", "u1", List.of("LEARNER", "OPS"), "Ada", Duration.ofMinutes(5));

    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
    assertThat(jwt.verify(new MACVerifier("another-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8)))).isFalse();
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("u1");
    assertThat(claims.getStringClaim("tenant")).isEqualTo("t1");
    assertThat(claims.getStringListClaim("roles")).containsExactly("LEARNER", "OPS");
    assertThat(claims.getStringClaim("name")).isEqualTo("Ada");
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(300_000);
  }
}
