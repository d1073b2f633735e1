package io.cloudward.tenancy;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;

/**
 * Whether a Keycloak session was authenticated with a second factor. The realm emits the methods used
 * in {@code amr} (e.g. ["pwd","otp"]) and the achieved level in {@code acr}.
 */
public final class Mfa {
    private static final Set<String> SECOND_FACTORS = Set.of("otp", "mfa", "hwk", "swk", "webauthn");
    private static final Set<String> MFA_LEVELS = Set.of("mfa", "2", "gold");

    private Mfa() {
    }

    public static boolean satisfiedBy(JsonWebToken token) {
        Object amr = token.getClaim("amr");
        if (amr instanceof Collection<?> methods && methods.stream().map(m -> String.valueOf(m).replace("\"", ""))
                .anyMatch(SECOND_FACTORS::contains)) {
            return true;
        }
        if (amr instanceof jakarta.json.JsonArray array && array.stream()
                .map(v -> v.toString().replace("\"", "")).anyMatch(SECOND_FACTORS::contains)) {
            return true;
        }
        return token.<Object>claim("acr").map(acr -> acr.toString().replace("\"", "")).map(MFA_LEVELS::contains).orElse(false);
    }
}
