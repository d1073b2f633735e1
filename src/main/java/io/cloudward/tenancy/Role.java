package io.cloudward.tenancy;

import java.util.EnumSet;
import java.util.Set;

import static io.cloudward.tenancy.Permission.*;

/** A member's role in one tenant. The single place that says which role may do what. */
public enum Role {
    VIEWER(EnumSet.of(TENANT_READ)),
    ANALYST(EnumSet.of(TENANT_READ, FINDINGS_TRIAGE, SCAN_RUN)),
    ADMIN(EnumSet.of(TENANT_READ, FINDINGS_TRIAGE, SCAN_RUN, ACCOUNTS_MANAGE, ACCOUNTS_DELETE,
            INTEGRATIONS_MANAGE, ALERT_RULES_MANAGE, API_TOKENS_MANAGE, AUDIT_READ, MEMBERS_READ)),
    OWNER(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** True when this role may do everything {@code other} may (roles are strictly nested). */
    public boolean covers(Role other) {
        return permissions.containsAll(other.permissions);
    }

    /** OWNER and ADMIN hold sensitive permissions, so their sign-in must use a second factor. */
    public boolean requiresMfa() {
        return permissions.stream().anyMatch(Permission::sensitive);
    }
}
