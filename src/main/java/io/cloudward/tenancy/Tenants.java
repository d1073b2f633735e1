package io.cloudward.tenancy;

import io.cloudward.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/** Creates tenants: whoever creates one becomes its first OWNER. */
@ApplicationScoped
public class Tenants {
    private final TenantRunner runner;
    private final TenantRepository tenants;
    private final TenantDirectory directory;
    private final Members members;
    private final AuditLog audit;
    private final TenantContext context;

    public Tenants(TenantRunner runner, TenantRepository tenants, TenantDirectory directory, Members members, AuditLog audit,
                   TenantContext context) {
        this.context = context;
        this.runner = runner;
        this.tenants = tenants;
        this.directory = directory;
        this.members = members;
        this.audit = audit;
    }

    /** A person known by their Keycloak subject. */
    public record Person(String subject, String email, String name) {
    }

    public Tenant create(String slug, String name, Person owner) {
        if (directory.slugTaken(slug)) {
            throw ProblemException.conflict("slug-taken", "The short name '" + slug + "' is taken; choose another.");
        }
        UUID id = UUID.randomUUID();
        Access access = new Access(id, Access.PrincipalType.USER, owner.subject(), owner.email(), Role.OWNER, true);
        return runner.call(access, () -> {
            Tenant tenant = Tenant.create(id, slug, name);
            tenants.persist(tenant);
            tenants.flush();
            members.add(owner.subject(), owner.email(), owner.name(), Role.OWNER);
            audit.record("tenant.created", "tenant", id.toString(), Map.of("slug", slug, "name", name));
            return tenant;
        });
    }

    public Tenant current() {
        return tenants.findByIdOptional(context.require().tenantId()).orElseThrow(() -> ProblemException.notFound("The tenant"));
    }
}
