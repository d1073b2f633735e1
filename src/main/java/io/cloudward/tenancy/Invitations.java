package io.cloudward.tenancy;

import io.cloudward.api.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Invitations by e-mail. The link carries a secret (only its hash is stored); accepting it requires a
 * sign-in with the invited address. People without a Keycloak account get one, with a temporary
 * password that Keycloak makes them replace at first sign-in.
 */
@ApplicationScoped
public class Invitations implements PanacheRepositoryBase<Invitation, UUID> {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,}$");
    private static final Duration VALIDITY = Duration.ofDays(7);

    /** What the inviter shares: the link, and the temporary password when an account was created. */
    public record Sent(Invitation invitation, String link, String temporaryPassword) {
    }

    private final TenantContext tenant;
    private final AuditLog audit;
    private final KeycloakAdmin keycloak;
    private final TenantDirectory directory;
    private final TenantRunner runner;
    private final Members members;
    private final String baseUrl;

    public Invitations(TenantContext tenant, AuditLog audit, KeycloakAdmin keycloak, TenantDirectory directory,
                       TenantRunner runner, Members members,
                       @ConfigProperty(name = "cloudward.base-url", defaultValue = "http://localhost:8080") String baseUrl) {
        this.tenant = tenant;
        this.audit = audit;
        this.keycloak = keycloak;
        this.directory = directory;
        this.runner = runner;
        this.members = members;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public List<Invitation> listAll() {
        return listAll(Sort.descending("createdAt"));
    }

    @Transactional
    public Sent invite(String rawEmail, Role role) {
        String email = rawEmail == null ? "" : rawEmail.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw ProblemException.invalid("email", "Enter a valid e-mail address.");
        }
        Access inviter = tenant.require();
        if (!inviter.role().covers(role)) {
            throw ProblemException.invalid("role", "You cannot invite someone with a higher role than yours.");
        }
        if (count("email = ?1 and acceptedAt is null and revokedAt is null and expiresAt > ?2", email, Instant.now()) > 0) {
            throw ProblemException.conflict("already-invited", email + " already has a pending invitation.");
        }
        String temporaryPassword = null;
        if (keycloak.findUserIdByEmail(email).isEmpty()) {
            temporaryPassword = keycloak.createUser(email, role.requiresMfa()).temporaryPassword();
        }
        String secret = ApiTokens.random(43);
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.email = email;
        invitation.role = role;
        invitation.tokenHash = ApiTokens.hash(secret);
        invitation.createdBy = inviter.display();
        invitation.expiresAt = Instant.now().plus(VALIDITY);
        persist(invitation);
        audit.describe("invitation", invitation.id, Map.of("email", email, "role", role.name(),
                "accountCreated", temporaryPassword != null));
        return new Sent(invitation, baseUrl + "/invitations/" + secret, temporaryPassword);
    }

    @Transactional
    public Invitation revoke(UUID id) {
        Invitation invitation = findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("The invitation"));
        if (invitation.acceptedAt == null && invitation.revokedAt == null) {
            invitation.revokedAt = Instant.now();
        }
        audit.describe("invitation", id, Map.of("email", invitation.email));
        return invitation;
    }

    /**
     * Accepts the invitation behind a link for the signed-in person; the tenant is learned from the
     * invitation itself. Any failure reads the same, so a link reveals nothing to the wrong person.
     */
    public UUID accept(String secret, Tenants.Person person, boolean emailVerified) {
        TenantDirectory.InvitationRef found = directory.invitationByHash(ApiTokens.hash(secret))
                .orElseThrow(Invitations::unusable);
        Access access = new Access(found.tenantId(), Access.PrincipalType.USER, person.subject(), person.email(),
                found.role(), false);
        return runner.call(access, () -> {
            Invitation invitation = findByIdOptional(found.invitationId()).orElseThrow(Invitations::unusable);
            if (!"pending".equals(invitation.state(Instant.now())) || !emailVerified
                    || person.email() == null || !invitation.email.equalsIgnoreCase(person.email())) {
                throw unusable();
            }
            members.add(person.subject(), person.email(), person.name(), invitation.role);
            invitation.acceptedAt = Instant.now();
            invitation.acceptedBy = person.subject();
            audit.record("invitation.accepted", "invitation", invitation.id.toString(),
                    Map.of("email", invitation.email, "role", invitation.role.name()));
            return invitation.tenantId;
        });
    }

    private static ProblemException unusable() {
        return ProblemException.notFound("This invitation (it may have expired, been used, or be meant for another address)");
    }
}
