package dev.stride.ops.stack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints HS256 tokens with the claims every Stride service reads: sub, tenant, roles. */
public final class Tokens {
  public static final String ISSUER = "stride-local";

  private Tokens() {}

  public static String mint(String secret, String tenant, String user, List<String> roles, String name, Duration ttl) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(user)
        .claim("tenant", tenant)
        .claim("roles", roles)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)));
    if (name != null) {
      claims.claim("name", name);
    }
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalArgumentException("cannot sign the token: " + e.getMessage(), e);
    }
  }
}
