package org.diasporadesk.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.diasporadesk.chassis.security.ActorClaims;
import org.diasporadesk.chassis.security.Role;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signed JWTs for tests, with the claims the real issuers add. The signing key is made once per JVM; the
 * services under test verify signatures with {@link #decoder()} exactly as they would with the issuer's JWKS.
 */
public final class TestTokens {

    private static final RSAKey KEY = generateKey();
    private static final NimbusJwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)));

    private TestTokens() {
    }

    public static JwtDecoder decoder() {
        try {
            return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A user with one role working in a municipality office. */
    public static String municipal(Role role, String municipalityCode) {
        return token(role.name().toLowerCase(Locale.ROOT) + "@" + municipalityCode, role, ActorClaims.MUNICIPALITY,
                municipalityCode);
    }

    /** A named user with several roles working in a municipality office. */
    public static String municipalUser(String user, String municipalityCode, Role... roles) {
        return token(user, List.of(roles), ActorClaims.MUNICIPALITY, municipalityCode);
    }

    /** A user with one role working for a region. */
    public static String regional(Role role, String regionCode) {
        return token(role.name().toLowerCase(Locale.ROOT) + "@" + regionCode, role, ActorClaims.REGION, regionCode);
    }

    /** A user with one role and no territorial claim (national planners, administrators). */
    public static String national(Role role) {
        return token(role.name().toLowerCase(Locale.ROOT) + "@nation", role, null, null);
    }

    private static String token(String subject, Role role, String areaClaim, String area) {
        return token(subject, List.of(role), areaClaim, area);
    }

    private static String token(String subject, List<Role> roles, String areaClaim, String area) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
            .issuer("https://identity.test")
            .subject(subject)
            .issuedAt(now)
            .expiresAt(now.plusSeconds(3600))
            .claim(ActorClaims.ROLES, roles.stream().map(Role::name).toList());
        if (areaClaim != null) {
            claims.claim(areaClaim, area);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY.getKeyID()).build();
        return ENCODER.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
