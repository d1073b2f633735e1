package io.cloudward.checks.iam;

import io.cloudward.checks.CheckResult;
import io.cloudward.collect.snapshot.CredentialReportRow.AccessKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static io.cloudward.checks.Fixtures.daysAgo;
import static io.cloudward.checks.iam.Credentials.key;
import static io.cloudward.checks.iam.Credentials.root;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RootChecksTest {

    @Nested
    class Mfa {
        private final RootMfaEnabled check = new RootMfaEnabled();

        @Test
        void passesWithMfa() {
            CheckResult result = assertResult(check.evaluate(root(true, Optional.empty(), AccessKey.none(1)), context()), PASS);
            assertEquals("arn:aws:iam::123456789012:root", result.resource().id());
            assertEquals("global", result.resource().region());
        }

        @Test
        void failsWithoutMfa() {
            assertResult(check.evaluate(root(false, Optional.empty(), AccessKey.none(1)), context()), FAIL,
                    "root user of account 123456789012 has no MFA", "backups");
        }
    }

    @Nested
    class AccessKeys {
        private final RootHasNoAccessKeys check = new RootHasNoAccessKeys();

        @Test
        void passesWithoutKeys() {
            assertResult(check.evaluate(root(true, Optional.empty(), AccessKey.none(1)), context()), PASS, "no active access keys");
        }

        @Test
        void inactiveKeyIsNotActive() {
            assertResult(check.evaluate(root(true, Optional.empty(), key(1, false, daysAgo(900), Optional.empty())), context()), PASS);
        }

        @Test
        void failsWithAnActiveKey() {
            assertResult(check.evaluate(root(true, Optional.empty(), key(1, true, daysAgo(900), Optional.empty())), context()),
                    FAIL, "has an active access key", "delete the root access keys");
        }
    }

    @Nested
    class RecentUse {
        private final RootNotUsedRecently check = new RootNotUsedRecently();

        @Test
        void passesWhenUnusedInTheWindow() {
            assertResult(check.evaluate(root(true, Optional.of(daysAgo(31)), AccessKey.none(1)), context()), PASS,
                    "not been used in the last 30 days");
        }

        @Test
        void failsForARecentConsoleSignIn() {
            assertResult(check.evaluate(root(true, Optional.of(daysAgo(3)), AccessKey.none(1)), context()), FAIL,
                    "signed in to the console on 2025-05-29 12:00 UTC (3 days ago)");
        }

        @Test
        void failsForRecentKeyUseNewestFirst() {
            CheckResult result = assertResult(check.evaluate(root(true, Optional.of(daysAgo(10)),
                    key(1, true, daysAgo(900), Optional.of(daysAgo(1)))), context()), FAIL, "used access key 1 on 2025-05-31");
            assertEquals(true, result.sentence().indexOf("access key 1") < result.sentence().indexOf("signed in"));
        }

        @Test
        void passesWhenNeverUsed() {
            assertResult(check.evaluate(root(true, Optional.empty(), AccessKey.none(1)), context()), PASS);
        }
    }
}
