package io.cloudward.api;

import io.cloudward.tenancy.ApiTokenIdentity;
import io.cloudward.tenancy.Tenants;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Reads who the caller is from the security identity (a Keycloak token or an API token). */
public final class Caller {
    private Caller() {
    }

    public static Optional<JsonWebToken> jwt(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? Optional.of(jwt) : Optional.empty();
    }

    public static String subject(SecurityIdentity identity) {
        if (ApiTokenIdentity.of(identity).isPresent()) {
            throw ProblemException.forbidden("API tokens belong to one tenant; this endpoint is for people.");
        }
        return jwt(identity).map(JsonWebToken::getSubject).orElse(identity.getPrincipal().getName());
    }

    public static Tenants.Person person(JsonWebToken jwt) {
        return new Tenants.Person(jwt.getSubject(), jwt.<String>claim("email").orElse(null),
                jwt.<String>claim("name").orElse(jwt.<String>claim("preferred_username").orElse(null)));
    }
}
