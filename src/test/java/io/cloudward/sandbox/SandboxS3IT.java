package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.NoSuchPublicAccessBlockConfigurationException;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

class SandboxS3IT {

    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static S3Client s3(String account, Region region) {
        return fixture.track(fixture.factory.create(S3Client.builder(), region, fixture.role(account)));
    }

    private static S3ControlClient control(String account) {
        return fixture.track(fixture.factory.create(S3ControlClient.builder(), Region.US_EAST_1, fixture.role(account)));
    }

    @Test
    void listBucketsWithAndWithoutPagination() {
        S3Client s3 = s3(SandboxFixture.EXPOSED_DB, Region.US_EAST_1);
        List<Bucket> plain = s3.listBuckets().buckets();
        assertEquals(List.of("exposed-db-customer-exports", "exposed-db-logs"), plain.stream().map(Bucket::name).toList());
        assertNull(plain.get(0).bucketRegion(), "AWS adds BucketRegion only when the request has a parameter");
        List<Bucket> paged = s3.listBucketsPaginator(r -> r.maxBuckets(1)).buckets().stream().toList();
        assertEquals(2, paged.size());
        assertEquals("us-east-1", paged.get(0).bucketRegion());
    }

    @Test
    void policyStatusAndBucketPublicAccessBlock() {
        S3Client s3 = s3(SandboxFixture.EXPOSED_DB, Region.US_EAST_1);
        assertTrue(s3.getBucketPolicyStatus(r -> r.bucket("exposed-db-customer-exports")).policyStatus().isPublic());
        assertFalse(s3.getBucketPolicyStatus(r -> r.bucket("exposed-db-logs")).policyStatus().isPublic());
        S3Exception noBlock = assertThrows(S3Exception.class, () -> s3.getPublicAccessBlock(r -> r
                .bucket("exposed-db-customer-exports")));
        assertEquals("NoSuchPublicAccessBlockConfiguration", noBlock.awsErrorDetails().errorCode());
        assertEquals(404, noBlock.statusCode());
        PublicAccessBlockConfiguration block = s3.getPublicAccessBlock(r -> r.bucket("exposed-db-logs"))
                .publicAccessBlockConfiguration();
        assertTrue(block.blockPublicAcls() && block.restrictPublicBuckets());
        S3Exception noPolicy = assertThrows(S3Exception.class, () -> s3(SandboxFixture.CODESPACES, Region.EU_WEST_1)
                .getBucketPolicyStatus(r -> r.bucket("codespaces-build-artifacts")));
        assertEquals("NoSuchBucketPolicy", noPolicy.awsErrorDetails().errorCode());
        S3Exception missing = assertThrows(S3Exception.class, () -> s3.getBucketPolicyStatus(r -> r.bucket("nope")));
        assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
    }

    @Test
    void aBucketCallSignedForTheWrongRegionIsRefused() {
        S3Client wrong = s3(SandboxFixture.WELL_RUN, Region.US_EAST_1);
        S3Exception refused = assertThrows(S3Exception.class, () -> wrong.getBucketPolicyStatus(r -> r
                .bucket("well-run-app-data")));
        assertEquals("AuthorizationHeaderMalformed", refused.awsErrorDetails().errorCode());
        fixture.allowBeyondTemplate(SandboxFixture.WELL_RUN, "s3:GetBucketLocation");
        assertEquals("eu-central-1", wrong.getBucketLocation(r -> r.bucket("well-run-app-data")).locationConstraintAsString());
        assertFalse(s3(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1).getBucketPolicyStatus(r -> r
                .bucket("well-run-app-data")).policyStatus().isPublic());
    }

    @Test
    void accountPublicAccessBlockThroughS3Control() {
        software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration block =
                control(SandboxFixture.WELL_RUN).getPublicAccessBlock(r -> r.accountId(SandboxFixture.WELL_RUN))
                        .publicAccessBlockConfiguration();
        assertTrue(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy()
                && block.restrictPublicBuckets());
        NoSuchPublicAccessBlockConfigurationException absent = assertThrows(
                NoSuchPublicAccessBlockConfigurationException.class,
                () -> control(SandboxFixture.EXPOSED_DB).getPublicAccessBlock(r -> r.accountId(SandboxFixture.EXPOSED_DB)));
        assertEquals(404, absent.statusCode());
        S3ControlException otherAccount = assertThrows(S3ControlException.class, () -> control(SandboxFixture.EXPOSED_DB)
                .getPublicAccessBlock(r -> r.accountId(SandboxFixture.WELL_RUN)));
        assertEquals("AccessDenied", otherAccount.awsErrorDetails().errorCode());
    }
}
