package io.cloudward.checks.exposure;

import io.cloudward.checks.CheckContext;
import io.cloudward.collect.snapshot.EbsEncryptionDefaults;
import io.cloudward.collect.snapshot.RunningInstances;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.NOT_APPLICABLE;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegionChecksTest {

    @Nested
    class EbsDefaults {
        private final EbsEncryptionByDefaultEnabled check = new EbsEncryptionByDefaultEnabled();

        @Test
        void passesWhenOn() {
            assertResult(check.evaluate(new EbsEncryptionDefaults("eu-west-1", true, Optional.of("alias/aws/ebs")), context()),
                    PASS, "on in eu-west-1 (key alias/aws/ebs)");
        }

        @Test
        void failsWhenOff() {
            assertResult(check.evaluate(new EbsEncryptionDefaults("eu-west-1", false, Optional.empty()), context()), FAIL,
                    "off in eu-west-1", "unencrypted");
        }
    }

    @Nested
    class UnusedRegions {
        private final Ec2InstancesOnlyInUsedRegions check = new Ec2InstancesOnlyInUsedRegions();
        private final CheckContext declared = context().withUsedRegions(Set.of("eu-west-1", "us-east-1"));

        @Test
        void failsForInstancesInAnUnusedRegion() {
            assertResult(check.evaluate(new RunningInstances("ap-south-1", 3, List.of("i-1", "i-2")), declared), FAIL,
                    "3 EC2 instances run in ap-south-1 (i-1 and i-2)", "does not use", "RunInstances", "them");
        }

        @Test
        void singularSentenceForOneInstance() {
            assertResult(check.evaluate(new RunningInstances("ap-south-1", 1, List.of("i-1")), declared), FAIL,
                    "1 EC2 instance runs in ap-south-1 (i-1)", "launched it");
        }

        @Test
        void passesForAnEmptyUnusedRegion() {
            assertResult(check.evaluate(new RunningInstances("ap-south-1", 0, List.of()), declared), PASS, "No EC2 instances run");
        }

        @Test
        void passesForAUsedRegion() {
            assertResult(check.evaluate(new RunningInstances("eu-west-1", 40, List.of("i-1")), declared), PASS,
                    "eu-west-1 is one of the regions");
        }

        @Test
        void notApplicableWhenTheCustomerHasNotDeclaredRegions() {
            assertResult(check.evaluate(new RunningInstances("ap-south-1", 3, List.of()), context()), NOT_APPLICABLE,
                    "declare them");
        }

        @Test
        void rejectsMoreSamplesThanInstances() {
            assertThrows(IllegalArgumentException.class, () -> new RunningInstances("ap-south-1", 1, List.of("i-1", "i-2")));
        }
    }
}
