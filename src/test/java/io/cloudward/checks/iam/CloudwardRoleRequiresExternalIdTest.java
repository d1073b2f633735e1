package io.cloudward.checks.iam;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudward.checks.CheckResult;
import io.cloudward.collect.snapshot.CloudwardRoleTrust;
import org.junit.jupiter.api.Test;

class CloudwardRoleRequiresExternalIdTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/CloudwardSecurityAudit";
    private final CloudwardRoleRequiresExternalId check = new CloudwardRoleRequiresExternalId();

    @Test
    void passesWhenTheExternalIdIsRequired() {
        CheckResult result = assertResult(check.evaluate(new CloudwardRoleTrust(ROLE, false), context()), PASS,
                "only be assumed with its ExternalId");
        assertEquals(ROLE, result.resource().id());
        assertEquals("global", result.resource().region());
    }

    @Test
    void failsWhenTheRoleCanBeAssumedWithoutIt() {
        assertResult(check.evaluate(new CloudwardRoleTrust(ROLE, true), context()), FAIL,
                "without the ExternalId", "account 123456789012", "sts:ExternalId");
    }
}
