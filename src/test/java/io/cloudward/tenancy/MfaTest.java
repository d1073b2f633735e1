package io.cloudward.tenancy;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which claims count as a second factor, on the principal smallrye-jwt builds from a token's claims. */
class MfaTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"amr\":[\"pwd\",\"otp\"],\"acr\":\"1\"}  | true",
            "{\"amr\":[\"pwd\"],\"acr\":\"1\"}          | false",
            "{\"amr\":[\"hwk\"]}                        | true",
            "{\"amr\":[\"webauthn\"]}                   | true",
            "{\"amr\":[]}                               | false",
            "{\"acr\":\"mfa\"}                          | true",
            "{\"acr\":\"2\"}                            | true",
            "{\"acr\":\"gold\"}                         | true",
            "{\"acr\":\"0\"}                            | false",
            "{\"amr\":[\"pwd\",\"sms-ish\"],\"acr\":\"1\"} | false",
            "{}                                         | false"})
    void recognisesSecondFactors(String claims, boolean expected) {
        assertEquals(expected, Mfa.satisfiedBy(token(claims)), claims);
    }

    private static JsonWebToken token(String claims) {
        try {
            JwtClaims parsed = JwtClaims.parse(claims);
            parsed.setSubject("someone");
            return new DefaultJWTCallerPrincipal(parsed);
        } catch (InvalidJwtException e) {
            throw new IllegalArgumentException(claims, e);
        }
    }
}
