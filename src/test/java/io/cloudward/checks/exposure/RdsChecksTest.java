package io.cloudward.checks.exposure;

import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.collect.snapshot.DbInstanceFacts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.NOT_APPLICABLE;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RdsChecksTest {

    static DbInstanceFacts db(boolean publiclyAccessible, boolean encrypted, boolean deletionProtection, int retention,
                              Optional<String> cluster) {
        return new DbInstanceFacts("orders-db", "arn:aws:rds:eu-west-1:123456789012:db:orders-db", "eu-west-1", "postgres",
                "available", publiclyAccessible, encrypted, deletionProtection, retention, cluster,
                Optional.of("orders-db.abc.eu-west-1.rds.amazonaws.com"), Optional.of(5432));
    }

    static DbInstanceFacts good() {
        return db(false, true, true, 7, Optional.empty());
    }

    @Nested
    class PublicAccess {
        private final RdsNotPubliclyAccessible check = new RdsNotPubliclyAccessible();

        @Test
        void passesWhenPrivate() {
            CheckResult result = assertResult(check.evaluate(good(), context()), PASS, "RDS instance orders-db (postgres, eu-west-1)");
            assertEquals("arn:aws:rds:eu-west-1:123456789012:db:orders-db", result.resource().id());
        }

        @Test
        void failsNamingTheEndpoint() {
            assertResult(check.evaluate(db(true, true, true, 7, Optional.empty()), context()), FAIL,
                    "publicly accessible", "orders-db.abc.eu-west-1.rds.amazonaws.com:5432");
        }
    }

    @Nested
    class Encryption {
        private final RdsStorageEncrypted check = new RdsStorageEncrypted();

        @Test
        void passesWhenEncrypted() {
            assertResult(check.evaluate(good(), context()), PASS, "encrypted storage");
        }

        @Test
        void failsWhenUnencrypted() {
            assertResult(check.evaluate(db(false, false, true, 7, Optional.empty()), context()), FAIL, "unencrypted", "snapshot");
        }
    }

    @Nested
    class DeletionProtection {
        private final RdsDeletionProtectionEnabled check = new RdsDeletionProtectionEnabled();

        @Test
        void passesWhenOn() {
            assertResult(check.evaluate(good(), context()), PASS, "deletion protection enabled");
        }

        @Test
        void failsWhenOff() {
            assertResult(check.evaluate(db(false, true, false, 7, Optional.empty()), context()), FAIL, "single API call");
        }

        @Test
        void clusterMembersAreJudgedAtClusterLevel() {
            assertResult(check.evaluate(db(false, true, false, 7, Optional.of("orders-cluster")), context()), NOT_APPLICABLE,
                    "cluster orders-cluster");
        }
    }

    @Nested
    class BackupRetention {
        private final RdsBackupRetentionSufficient check = new RdsBackupRetentionSufficient();

        @Test
        void passesAtTheThreshold() {
            assertResult(check.evaluate(good(), context()), PASS, "7 days (at least 7 required)");
        }

        @Test
        void failsWhenBackupsAreOff() {
            assertResult(check.evaluate(db(false, true, true, 0, Optional.empty()), context()), FAIL, "turned off (retention 0 days)");
        }

        @Test
        void failsBelowATenantThreshold() {
            CheckContext strict = context().withThresholds(context().thresholds().withOverrides(Map.of("rdsMinBackupRetentionDays", "14")));
            assertResult(check.evaluate(good(), strict), FAIL, "only 7 days", "at least 14 days");
        }

        @Test
        void clusterMembersAreJudgedAtClusterLevel() {
            assertResult(check.evaluate(db(false, true, true, 1, Optional.of("c")), context()), NOT_APPLICABLE);
        }

        @Test
        void rejectsNegativeRetention() {
            assertThrows(IllegalArgumentException.class, () -> db(false, true, true, -1, Optional.empty()));
        }
    }
}
