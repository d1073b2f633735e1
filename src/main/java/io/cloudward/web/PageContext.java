package io.cloudward.web;

import io.cloudward.tenancy.Access;
import io.cloudward.tenancy.Mfa;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.TenantContext;
import io.cloudward.tenancy.TenantDirectory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What every page's frame shows: who is signed in, their tenants (for the switcher), the active tenant
 * and which navigation entries their role allows. Templates read it as {@code {inject:page.…}}.
 */
@Named("page")
@RequestScoped
public class PageContext {
    public record NavItem(String label, String href, boolean active) {
    }

    private final SecurityIdentity identity;
    private final TenantContext tenant;
    private final TenantDirectory directory;
    private List<TenantDirectory.Membership> memberships;
    private String section = "";

    public PageContext(SecurityIdentity identity, TenantContext tenant, TenantDirectory directory) {
        this.identity = identity;
        this.tenant = tenant;
        this.directory = directory;
    }

    /** Marks which navigation entry is the current page. */
    public PageContext section(String section) {
        this.section = section;
        return this;
    }

    public String userName() {
        return jwt().map(j -> j.<String>claim("name").orElse(j.<String>claim("preferred_username").orElse(j.getSubject())))
                .orElse(identity.getPrincipal().getName());
    }

    public String userEmail() {
        return jwt().flatMap(j -> j.<String>claim("email")).orElse("");
    }

    public boolean mfa() {
        return jwt().map(Mfa::satisfiedBy).orElse(false);
    }

    public List<TenantDirectory.Membership> tenants() {
        if (memberships == null) {
            memberships = jwt().map(j -> directory.membershipsOf(j.getSubject())).orElse(List.of());
        }
        return memberships;
    }

    public Optional<Access> access() {
        return tenant.access();
    }

    public String tenantId() {
        return tenant.tenantId().map(UUID::toString).orElse("");
    }

    public String tenantName() {
        return tenant.tenantId().flatMap(id -> tenants().stream().filter(m -> m.tenantId().equals(id)).findFirst())
                .map(TenantDirectory.Membership::tenantName).orElse("");
    }

    public String role() {
        return tenant.access().map(a -> a.role().name()).orElse("");
    }

    public boolean can(String permission) {
        return tenant.access().map(a -> a.can(Permission.valueOf(permission))).orElse(false);
    }

    public List<NavItem> nav() {
        if (tenant.access().isEmpty()) {
            return List.of();
        }
        String base = "/t/" + tenantId();
        List<NavItem> items = new java.util.ArrayList<>();
        items.add(new NavItem("Overview", base, section.equals("overview")));
        items.add(new NavItem("Findings", base + "/findings", section.equals("findings")));
        items.add(new NavItem("Incidents", base + "/incidents", section.equals("incidents")));
        items.add(new NavItem("AWS accounts", base + "/accounts", section.equals("accounts")));
        items.add(new NavItem("Scans", base + "/scans", section.equals("scans")));
        items.add(new NavItem("Alerts", base + "/alerts", section.equals("alerts")));
        if (can("MEMBERS_READ")) {
            items.add(new NavItem("Members", base + "/members", section.equals("members")));
        }
        if (can("API_TOKENS_MANAGE")) {
            items.add(new NavItem("API tokens", base + "/api-tokens", section.equals("api-tokens")));
        }
        if (can("AUDIT_READ")) {
            items.add(new NavItem("Audit log", base + "/audit", section.equals("audit")));
        }
        return items;
    }

    private Optional<JsonWebToken> jwt() {
        return identity.getPrincipal() instanceof JsonWebToken j ? Optional.of(j) : Optional.empty();
    }
}
