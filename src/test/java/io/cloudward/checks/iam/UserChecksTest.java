package io.cloudward.checks.iam;

import io.cloudward.checks.CheckResult;
import io.cloudward.collect.snapshot.CredentialReportRow.AccessKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.NOT_APPLICABLE;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static io.cloudward.checks.Fixtures.daysAgo;
import static io.cloudward.checks.iam.Credentials.consoleUser;
import static io.cloudward.checks.iam.Credentials.key;
import static io.cloudward.checks.iam.Credentials.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UserChecksTest {

    @Nested
    class ConsoleMfa {
        private final ConsoleUserMfaEnabled check = new ConsoleUserMfaEnabled();

        @Test
        void passesWithMfa() {
            CheckResult result = assertResult(check.evaluate(consoleUser(true), context()), PASS, "alice signs in to the console with MFA");
            assertEquals("arn:aws:iam::123456789012:user/alice", result.resource().id());
            assertEquals("AwsIamUser", result.resource().type());
        }

        @Test
        void failsWithoutMfaNamingLastSignIn() {
            assertResult(check.evaluate(consoleUser(false), context()), FAIL,
                    "IAM user alice can sign in to the AWS console with a password alone (no MFA) and last did so on 2025-05-30");
        }

        @Test
        void notApplicableWithoutConsolePassword() {
            assertResult(check.evaluate(user(false, false, Optional.empty(), AccessKey.none(1), AccessKey.none(2)), context()),
                    NOT_APPLICABLE, "no console password");
        }
    }

    @Nested
    class KeyRotation {
        private final AccessKeysRotated check = new AccessKeysRotated();

        @Test
        void passesWithoutKeys() {
            assertResult(check.evaluate(consoleUser(true), context()), PASS, "no active access keys");
        }

        @Test
        void passesWithYoungKeys() {
            assertResult(check.evaluate(user(false, false, Optional.empty(), key(1, true, daysAgo(89), Optional.empty()),
                    AccessKey.none(2)), context()), PASS, "younger than 90 days");
        }

        @Test
        void failsNamingTheOldKey() {
            CheckResult result = assertResult(check.evaluate(user(false, false, Optional.empty(),
                    key(1, true, daysAgo(10), Optional.empty()), key(2, true, daysAgo(400), Optional.of(daysAgo(1)))), context()),
                    FAIL, "access key 2 (created or rotated 2024-04-27, 400 days ago), older than 90 days");
            assertEquals(List.of("2"), result.evidence().get("staleAccessKeys"));
        }

        @Test
        void inactiveOldKeysDoNotCount() {
            assertResult(check.evaluate(user(false, false, Optional.empty(), key(1, false, daysAgo(900), Optional.empty()),
                    AccessKey.none(2)), context()), PASS);
        }
    }

    @Nested
    class UnusedCredentials {
        private final UnusedCredentialsDisabled check = new UnusedCredentialsDisabled();

        @Test
        void passesWhenEverythingWasUsedRecently() {
            assertResult(check.evaluate(user(true, true, Optional.of(daysAgo(3)), key(1, true, daysAgo(200), Optional.of(daysAgo(1))),
                    AccessKey.none(2)), context()), PASS, "used in the last 45 days");
        }

        @Test
        void failsForAStalePasswordAndANeverUsedKey() {
            assertResult(check.evaluate(user(true, true, Optional.of(daysAgo(100)), key(1, true, daysAgo(60), Optional.empty()),
                    AccessKey.none(2)), context()), FAIL,
                    "a console password last used 2025-02-21", "access key 1 never used, created 2025-04-02", "more than 45 days");
        }

        @Test
        void aPasswordNeverUsedCountsFromWhenItWasSet() {
            assertResult(check.evaluate(user(true, true, Optional.empty(), AccessKey.none(1), AccessKey.none(2)), context()),
                    FAIL, "a console password never used, set 2024-08-05");
        }

        @Test
        void passesWithNoEnabledCredential() {
            assertResult(check.evaluate(user(false, false, Optional.empty(), key(1, false, daysAgo(900), Optional.empty()),
                    AccessKey.none(2)), context()), PASS, "no enabled password or active access key");
        }
    }
}
