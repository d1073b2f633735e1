package io.cloudward.tenancy;

import java.util.UUID;

/**
 * Who is acting in which tenant, and with what role: established once per request from the
 * authenticated identity and the tenant named in the path (API) or chosen in the session (web).
 *
 * @param principal  the Keycloak subject, or the API token id
 * @param display    a name for people: e-mail, or the token's name
 * @param mfa        whether the session was authenticated with a second factor
 */
public record Access(UUID tenantId, PrincipalType principalType, String principal, String display, Role role,
                     boolean mfa) {

    public enum PrincipalType { USER, API_TOKEN, OPERATOR, SYSTEM }

    public boolean can(Permission permission) {
        return role.can(permission);
    }
}
