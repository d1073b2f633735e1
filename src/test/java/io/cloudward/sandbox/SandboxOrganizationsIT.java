package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cloudward.sandbox.estate.CloudwardRoleTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.Organization;

class SandboxOrganizationsIT {

    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void managementAccountDescribesItsOrganizationAndListsItsAccounts() {
        OrganizationsClient organizations = fixture.track(fixture.factory.create(OrganizationsClient.builder(),
                Region.AWS_GLOBAL, fixture.role(SandboxFixture.WELL_RUN)));
        Organization organization = organizations.describeOrganization().organization();
        assertEquals("o-wellrun0001", organization.id());
        assertEquals(SandboxFixture.WELL_RUN, organization.masterAccountId());
        List<Account> accounts = organizations.listAccountsPaginator(r -> r.maxResults(2)).stream()
                .flatMap(page -> page.accounts().stream()).toList();
        assertEquals(List.of("444444444444", "555555555555", "666666666666"), accounts.stream().map(Account::id).toList());
        assertEquals("arn:aws:organizations::444444444444:account/o-wellrun0001/555555555555", accounts.get(1).arn());
    }

    @Test
    void anAccountOutsideAnyOrganizationIsTold() {
        OrganizationsClient organizations = fixture.track(fixture.factory.create(OrganizationsClient.builder(),
                Region.AWS_GLOBAL, fixture.role(SandboxFixture.CODESPACES)));
        // Deployed as outside an organisation, the template grants no organizations action.
        assertEquals("AccessDeniedException", assertThrows(AwsServiceException.class,
                organizations::describeOrganization).awsErrorDetails().errorCode());
        fixture.sandbox.estate().applyTemplate(SandboxFixture.CODESPACES, SandboxFixture.ROLE,
                CloudwardRoleTemplate.text(), Map.of(CloudwardRoleTemplate.ORGANIZATION_LISTING, "true"));
        assertThrows(AwsOrganizationsNotInUseException.class, organizations::describeOrganization);
    }
}
