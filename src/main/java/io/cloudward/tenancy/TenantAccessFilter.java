package io.cloudward.tenancy;

import io.cloudward.api.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Establishes who acts in which tenant for every endpoint whose path names a {@code {tenantId}}, then
 * enforces the endpoint's {@link Requires} permission. Someone who is not a member of the tenant gets
 * 404, exactly as for a tenant that does not exist; a member without the permission gets 403.
 */
public class TenantAccessFilter {
    static final String TENANT_PARAM = "tenantId";

    private final SecurityIdentity identity;
    private final TenantDirectory directory;
    private final TenantContext context;
    private final AuditLog audit;

    public TenantAccessFilter(SecurityIdentity identity, TenantDirectory directory, TenantContext context, AuditLog audit) {
        this.identity = identity;
        this.directory = directory;
        this.context = context;
        this.audit = audit;
    }

    @ServerRequestFilter
    public Optional<Response> establishTenant(ContainerRequestContext request, SimpleResourceInfo resource) {
        String rawTenant = request.getUriInfo().getPathParameters().getFirst(TENANT_PARAM);
        if (rawTenant == null) {
            return Optional.empty();
        }
        Requires requires = requirement(resource);
        if (requires == null) {
            // Secure by default: a tenant endpoint that forgot to declare its permission is closed.
            throw ProblemException.forbidden("This endpoint does not declare a permission and is closed.");
        }
        if (identity.isAnonymous()) {
            return Optional.of(Response.status(401).build());
        }
        UUID tenantId = parse(rawTenant).orElseThrow(() -> ProblemException.notFound("The tenant"));
        Access access = resolve(tenantId).orElseThrow(() -> ProblemException.notFound("The tenant"));
        context.enter(access);
        Permission needed = requires.value();
        if (!access.can(needed)) {
            denied(needed, request);
            throw ProblemException.forbidden("Your role (" + access.role() + ") does not allow this: "
                    + needed.description().toLowerCase() + ".");
        }
        if (needed.sensitive() && !access.mfa()) {
            denied(needed, request);
            throw new ProblemException(Response.Status.FORBIDDEN, "mfa-required", "Two-factor sign-in required",
                    "This action needs a session signed in with a second factor. Sign out and sign in again with your one-time code.",
                    java.util.List.of(), Map.of("WWW-Authenticate",
                    "Bearer error=\"insufficient_user_authentication\", error_description=\"A second factor is required\", acr_values=\"mfa\""));
        }
        return Optional.empty();
    }

    private Optional<Access> resolve(UUID tenantId) {
        Optional<ApiTokenIdentity> token = ApiTokenIdentity.of(identity);
        if (token.isPresent()) {
            ApiTokenIdentity t = token.get();
            // A token was created by an MFA session (creation is sensitive): its use counts as such.
            return t.tenantId().equals(tenantId)
                    ? Optional.of(new Access(tenantId, Access.PrincipalType.API_TOKEN, t.tokenId().toString(),
                    "token:" + t.name(), t.role(), true))
                    : Optional.empty();
        }
        String subject = identity.getPrincipal().getName();
        JsonWebToken jwt = identity.getPrincipal() instanceof JsonWebToken j ? j : null;
        if (jwt != null) {
            subject = jwt.getSubject();
        }
        String display = jwt == null ? subject : jwt.<String>claim("email").orElse(subject);
        boolean mfa = jwt != null && Mfa.satisfiedBy(jwt);
        Optional<Role> role = directory.roleOf(subject, tenantId);
        if (role.isPresent()) {
            return Optional.of(new Access(tenantId, Access.PrincipalType.USER, subject, display, role.get(), mfa));
        }
        if (identity.hasRole("operator") && directory.supportGrantActive(tenantId)) {
            return Optional.of(new Access(tenantId, Access.PrincipalType.OPERATOR, subject, display, Role.VIEWER, mfa));
        }
        return Optional.empty();
    }

    private void denied(Permission needed, ContainerRequestContext request) {
        QuarkusTransaction.requiringNew().run(() -> audit.recordDenied("authorization.denied", "permission", needed.name() + " " + request.getMethod() + " "
                + request.getUriInfo().getPath()));
    }

    private static Requires requirement(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                    .getAnnotation(Requires.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Optional<UUID> parse(String raw) {
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
