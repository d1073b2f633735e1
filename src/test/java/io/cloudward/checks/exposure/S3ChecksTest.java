package io.cloudward.checks.exposure;

import io.cloudward.checks.CheckRegistry;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.ResourceRef;
import io.cloudward.checks.Severity;
import io.cloudward.collect.snapshot.AccountPublicAccessBlock;
import io.cloudward.collect.snapshot.BucketFacts;
import io.cloudward.collect.snapshot.PublicAccessBlockFlags;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.ACCOUNT;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

class S3ChecksTest {

    private static final PublicAccessBlockFlags NO_POLICY_BLOCK = new PublicAccessBlockFlags(true, true, false, false);

    static BucketFacts bucket(Optional<PublicAccessBlockFlags> own, Optional<PublicAccessBlockFlags> account,
                              Optional<Boolean> policyIsPublic) {
        return new BucketFacts("customer-exports", "eu-west-1", own, account, policyIsPublic);
    }

    @Nested
    class AccountLevel {
        private final S3AccountPublicAccessBlocked check = new S3AccountPublicAccessBlocked();

        @Test
        void passesWithAllFour() {
            CheckResult result = assertResult(check.evaluate(AccountPublicAccessBlock.of(PublicAccessBlockFlags.allOn()), context()),
                    PASS, "all four settings");
            assertEquals(ResourceRef.account(ACCOUNT), result.resource());
        }

        @Test
        void failsWhenNotConfigured() {
            assertResult(check.evaluate(AccountPublicAccessBlock.notConfigured(), context()), FAIL, "no S3 Block Public Access configuration");
        }

        @Test
        void failsNamingTheSettingsThatAreOff() {
            CheckResult result = assertResult(check.evaluate(AccountPublicAccessBlock.of(NO_POLICY_BLOCK), context()), FAIL,
                    "BlockPublicPolicy and RestrictPublicBuckets turned off");
            assertEquals(List.of("BlockPublicPolicy", "RestrictPublicBuckets"), result.evidence().get("disabledSettings"));
        }
    }

    @Nested
    class BucketLevel {
        private final S3BucketPublicAccessBlocked check = new S3BucketPublicAccessBlocked();

        @Test
        void passesWithItsOwnSettings() {
            CheckResult result = assertResult(check.evaluate(bucket(Optional.of(PublicAccessBlockFlags.allOn()), Optional.empty(),
                    Optional.empty()), context()), PASS, "customer-exports blocks public access with all four settings.");
            assertEquals("arn:aws:s3:::customer-exports", result.resource().id());
        }

        @Test
        void passesThroughTheAccountSettings() {
            assertResult(check.evaluate(bucket(Optional.empty(), Optional.of(PublicAccessBlockFlags.allOn()), Optional.empty()),
                    context()), PASS, "through the account-level settings");
        }

        @Test
        void combinesBucketAndAccountSettings() {
            PublicAccessBlockFlags policyOnly = new PublicAccessBlockFlags(false, false, true, true);
            assertResult(check.evaluate(bucket(Optional.of(NO_POLICY_BLOCK), Optional.of(policyOnly), Optional.empty()),
                    context()), PASS);
        }

        @Test
        void failsNamingWhatIsNotInForce() {
            assertResult(check.evaluate(bucket(Optional.of(NO_POLICY_BLOCK), Optional.empty(), Optional.empty()), context()),
                    FAIL, "customer-exports (eu-west-1)", "settings BlockPublicPolicy and RestrictPublicBuckets");
        }
    }

    @Nested
    class Policy {
        private final S3BucketPolicyNotPublic check = new S3BucketPolicyNotPublic();
        private final CheckRegistry registry = CheckRegistry.standard();

        @Test
        void passesWithoutPolicy() {
            assertResult(check.evaluate(bucket(Optional.empty(), Optional.empty(), Optional.empty()), context()), PASS,
                    "no bucket policy");
        }

        @Test
        void passesWithAPrivatePolicy() {
            assertResult(check.evaluate(bucket(Optional.empty(), Optional.empty(), Optional.of(false)), context()), PASS,
                    "grants no public access");
        }

        @Test
        void publicPolicyIsCritical() {
            CheckResult result = assertResult(check.evaluate(bucket(Optional.empty(), Optional.empty(), Optional.of(true)), context()),
                    FAIL, "customer-exports (eu-west-1) is public");
            assertEquals("PUBLIC", result.variant());
            assertEquals(Severity.CRITICAL, registry.severityOf(result));
        }

        @Test
        void publicPolicyNeutralisedByRestrictPublicBucketsIsLow() {
            CheckResult result = assertResult(check.evaluate(bucket(Optional.empty(), Optional.of(PublicAccessBlockFlags.allOn()),
                    Optional.of(true)), context()), FAIL, "RestrictPublicBuckets blocks it today");
            assertEquals("RESTRICTED", result.variant());
            assertEquals(Severity.LOW, registry.severityOf(result));
        }
    }
}
