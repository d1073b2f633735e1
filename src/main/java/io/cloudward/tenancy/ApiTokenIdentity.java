package io.cloudward.tenancy;

import io.quarkus.security.identity.SecurityIdentity;

import java.util.Optional;
import java.util.UUID;

/** The tenant, role and name an API token carries, as attributes of the caller's identity. */
public record ApiTokenIdentity(UUID tokenId, UUID tenantId, String name, Role role) {
    static final String ATTRIBUTE = "cloudward.api-token";

    public static Optional<ApiTokenIdentity> of(SecurityIdentity identity) {
        return Optional.ofNullable(identity.getAttribute(ATTRIBUTE));
    }
}
