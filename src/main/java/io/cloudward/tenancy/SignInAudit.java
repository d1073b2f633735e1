package io.cloudward.tenancy;

import io.quarkus.oidc.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Every browser sign-in is written to the audit log of each tenant the person belongs to (with whether a
 * second factor was used), and refreshes their second-factor requirement in Keycloak.
 */
@ApplicationScoped
public class SignInAudit {
    private static final Logger LOG = Logger.getLogger(SignInAudit.class);

    private final TenantDirectory directory;
    private final TenantRunner runner;
    private final AuditLog audit;
    private final MfaEnrolment mfa;

    public SignInAudit(TenantDirectory directory, TenantRunner runner, AuditLog audit, MfaEnrolment mfa) {
        this.directory = directory;
        this.runner = runner;
        this.audit = audit;
        this.mfa = mfa;
    }

    void onSignIn(@ObservesAsync SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN
                || !(event.getSecurityIdentity().getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        String subject = jwt.getSubject();
        String email = jwt.<String>claim("email").orElse(subject);
        boolean secondFactor = Mfa.satisfiedBy(jwt);
        try {
            for (TenantDirectory.Membership membership : directory.membershipsOf(subject)) {
                Access access = new Access(membership.tenantId(), Access.PrincipalType.USER, subject, email,
                        membership.role(), secondFactor);
                runner.run(access, () -> audit.record("session.signed-in", "person", subject,
                        Map.of("email", email, "secondFactor", secondFactor)));
            }
            mfa.syncNow(subject);
        } catch (RuntimeException e) {
            LOG.warnf("could not record the sign-in of %s: %s", subject, e.getMessage());
        }
    }
}
