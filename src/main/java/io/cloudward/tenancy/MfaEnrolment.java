package io.cloudward.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * Keeps Keycloak's {@code mfa-required} realm role in step with Cloudward's memberships: whoever is OWNER
 * or ADMIN in any tenant must sign in with a one-time code; nobody else is asked to. The role is set
 * after the membership change commits (so the decision reads committed state) and again at every
 * sign-in, which heals a Keycloak outage at the moment of the change.
 */
@ApplicationScoped
public class MfaEnrolment {
    private static final Logger LOG = Logger.getLogger(MfaEnrolment.class);

    /** Fired inside a transaction that changed someone's memberships. */
    public record MembershipChanged(String subject) {
    }

    private final TenantDirectory directory;
    private final KeycloakAdmin keycloak;
    private final Event<MembershipChanged> changes;

    public MfaEnrolment(TenantDirectory directory, KeycloakAdmin keycloak, Event<MembershipChanged> changes) {
        this.directory = directory;
        this.keycloak = keycloak;
        this.changes = changes;
    }

    /** Schedules the sync for when the current transaction commits. */
    public void sync(String subject) {
        changes.fire(new MembershipChanged(subject));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        syncNow(change.subject());
    }

    public void syncNow(String subject) {
        try {
            keycloak.requireMfa(subject, directory.holdsPrivilegedRole(subject));
        } catch (RuntimeException e) {
            LOG.warnf("could not update the second-factor requirement of %s in Keycloak (retried at their next sign-in): %s",
                    subject, e.getMessage());
        }
    }
}
