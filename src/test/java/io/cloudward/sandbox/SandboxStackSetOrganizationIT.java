package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.aws.AssumedRoleCredentials;
import io.cloudward.sandbox.estate.EstateDocument;
import io.cloudward.sandbox.estate.StackSetMembers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.sts.StsClient;

/** An organisation of 50 members that got Cloudward's role from a StackSet, and one it has not reached. */
class SandboxStackSetOrganizationIT {

    private static final String MANAGEMENT = "700000000000";
    private static final String EXTERNAL_ID = "cw-org-stackset-3f9a1c7e5b2d4a6f8e0c1b3d";
    private static final int WITH_ROLE = 50;
    private static SandboxFixture fixture;
    private static StsClient hubSts;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        fixture.sandbox.estate().load(EstateDocument.stackSetOrganization("o-stackset001", MANAGEMENT,
                new StackSetMembers(WITH_ROLE + 1, EXTERNAL_ID, null, 1)));
        hubSts = fixture.track(fixture.factory.create(StsClient.builder(), Region.US_EAST_1, fixture.hub()));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void theManagementAccountListsEveryMemberInPagesOfAtMostTwenty() {
        OrganizationsClient organizations = organizations(MANAGEMENT);
        List<ListAccountsResponse> pages = organizations.listAccountsPaginator(r -> r.maxResults(20)).stream().toList();
        assertEquals(3, pages.size());
        pages.forEach(page -> assertTrue(page.accounts().size() <= 20));
        List<String> expected = new ArrayList<>(List.of(MANAGEMENT));
        for (int i = 1; i <= WITH_ROLE + 1; i++) {
            expected.add(member(i));
        }
        assertEquals(expected, pages.stream().flatMap(page -> page.accounts().stream()).map(Account::id).toList());
        assertThrows(InvalidInputException.class, () -> organizations.listAccounts(r -> r.maxResults(21)));
    }

    @Test
    void eachMemberRoleIsAssumedWithTheOrganisationsExternalIdOnly() {
        for (int i = 1; i <= WITH_ROLE; i++) {
            String arn = SandboxFixture.roleArn(member(i));
            String account = hubSts.assumeRole(r -> r.roleArn(arn).roleSessionName("org").externalId(EXTERNAL_ID))
                    .assumedRoleUser().arn().split(":")[4];
            assertEquals(member(i), account);
            assertDenied(() -> hubSts.assumeRole(r -> r.roleArn(arn).roleSessionName("org")));
        }
    }

    @Test
    void theMemberTheStackSetHasNotReachedHasNoRole() {
        String unreached = member(WITH_ROLE + 1);
        assertTrue(fixture.sandbox.estate().exists(unreached));
        assertTrue(fixture.sandbox.estate().role(unreached, SandboxFixture.ROLE).isEmpty());
        assertDenied(() -> hubSts.assumeRole(r -> r.roleArn(SandboxFixture.roleArn(unreached)).roleSessionName("org")
                .externalId(EXTERNAL_ID)));
    }

    @Test
    void aMembersRoleMayNotListTheOrganisation() {
        AwsServiceException denied = assertThrows(AwsServiceException.class, () -> organizations(member(1))
                .listAccounts());
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertTrue(denied.awsErrorDetails().errorMessage().contains("organizations:ListAccounts"));
    }

    private static OrganizationsClient organizations(String accountId) {
        AssumedRoleCredentials session = fixture.track(fixture.factory.assumeRole(fixture.hub(), Region.US_EAST_1,
                SandboxFixture.roleArn(accountId), EXTERNAL_ID, "org", Duration.ofHours(1)));
        return fixture.track(fixture.factory.create(OrganizationsClient.builder(), Region.AWS_GLOBAL, session));
    }

    private static String member(int number) {
        return String.format("%012d", Long.parseLong(MANAGEMENT) + number);
    }

    private static void assertDenied(Runnable call) {
        assertEquals("AccessDenied", assertThrows(AwsServiceException.class, call::run).awsErrorDetails().errorCode());
    }
}
