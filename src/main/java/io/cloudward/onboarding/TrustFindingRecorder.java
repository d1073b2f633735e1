package io.cloudward.onboarding;

import io.cloudward.checks.CheckContext;
import io.cloudward.checks.iam.CloudwardRoleRequiresExternalId;
import io.cloudward.collect.snapshot.CloudwardRoleTrust;
import io.cloudward.findings.FindingStore;
import io.cloudward.findings.ScopeUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns what verification learnt about a role's trust policy into a finding: open to the confused-deputy
 * problem is a HIGH finding with the fix, and a later verification that finds it closed resolves it. Runs
 * after the verification committed, because the findings store writes in its own transactions.
 */
@ApplicationScoped
public class TrustFindingRecorder {

    /** The findings source for what onboarding itself observes. */
    public static final String SOURCE = "onboarding";

    private final FindingStore findings;
    private final CloudwardRoleRequiresExternalId check = new CloudwardRoleRequiresExternalId();

    public TrustFindingRecorder(FindingStore findings) {
        this.findings = findings;
    }

    /** Fired whenever a role was verified far enough to know whether its trust is open. */
    public record RoleVerified(UUID tenantId, UUID awsAccountId, String accountId, String roleArn, boolean trustOpen) {
    }

    void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoleVerified verified) {
        ScopeUpdate scope = findings.begin(verified.tenantId(), verified.awsAccountId(), verified.accountId(), "global",
                SOURCE, false);
        scope.accept(check.evaluate(new CloudwardRoleTrust(verified.roleArn(), verified.trustOpen()),
                CheckContext.of(Instant.now(), verified.accountId())));
        scope.finish();
    }
}
