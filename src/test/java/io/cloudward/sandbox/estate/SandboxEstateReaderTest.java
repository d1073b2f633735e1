package io.cloudward.sandbox.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxEstateReaderTest {

    private static final Instant ANCHOR = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void everyBundledScenarioLoadsWithItsFixedAccount() {
        for (String[] scenario : new String[][] {{"codespaces", "111111111111"}, {"exposed-db", "222222222222"},
                {"blind-spots", "333333333333"}, {"well-run", "444444444444"}}) {
            EstateDocument document = EstateReader.scenarioOrFile(scenario[0], ANCHOR);
            Account account = new EstateNormalizer(ANCHOR).normalize(document.accounts().get(0));
            assertEquals(scenario[1], account.id());
            assertTrue(account.role("CloudwardSecurityAudit").orElseThrow().externalId().startsWith("cw-"));
            assertTrue(account.regions().keySet().containsAll(AwsRegions.ENABLED_BY_DEFAULT));
        }
    }

    @Test
    void relativeTimesCountFromTheAnchor() {
        assertEquals(ANCHOR.minus(Duration.ofMinutes(150)), EstateReader.time("-2h30m", ANCHOR));
        assertEquals(ANCHOR.minus(Duration.ofDays(90)), EstateReader.time("-90d", ANCHOR));
        assertEquals(ANCHOR.plusSeconds(5), EstateReader.time("+5s", ANCHOR));
        assertEquals(ANCHOR, EstateReader.time("now", ANCHOR));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), EstateReader.time("2024-01-02T03:04:05Z", ANCHOR));
        assertThrows(IllegalArgumentException.class, () -> EstateReader.time("yesterday", ANCHOR));
    }

    @Test
    void idsAndReferencesAreDerivedWhereTheFileLeavesThemOut() {
        Account account = normalize("""
                accounts:
                  - id: "123456789012"
                    regions:
                      eu-west-1:
                        guardduty: {findings: [{type: "Recon:EC2/PortProbeUnprotectedPort", createdAt: -1d,
                                                resource: {instanceId: i-1}}]}
                        ec2:
                          securityGroups: [{name: web, ingress: [{fromPort: 443, cidrs: [0.0.0.0/0]}]}]
                          instances: [{id: i-1, securityGroups: [web]}]
                        backup:
                          vaults: [{name: v}]
                          plans: [{name: p, rules: [{name: r, vault: v}], selections: [{name: s, resources: ["ec2:i-1"]}]}]
                """);
        RegionSpec region = account.regions().get("eu-west-1");
        assertEquals(32, region.guardduty().detectorId().length());
        assertEquals(2.0, region.guardduty().findings().get(0).severity());
        assertEquals("Unprotected port on EC2 instance i-1 is being probed.", region.guardduty().findings().get(0).title());
        String groupId = region.ec2().securityGroups().get(0).id();
        assertTrue(groupId.matches("sg-[0-9a-f]{17}"));
        assertEquals(groupId, region.ec2().instances().get(0).securityGroups().get(0));
        assertEquals("arn:aws:ec2:eu-west-1:123456789012:instance/i-1",
                region.backup().plans().get(0).selections().get(0).resources().get(0));
        assertNull(account.regions().get("us-east-1").guardduty(), "no allRegions: other regions are empty");
        assertEquals(account, normalize(new String(("""
                accounts:
                  - id: "123456789012"
                    regions:
                      eu-west-1:
                        guardduty: {findings: [{type: "Recon:EC2/PortProbeUnprotectedPort", createdAt: -1d,
                                                resource: {instanceId: i-1}}]}
                        ec2:
                          securityGroups: [{name: web, ingress: [{fromPort: 443, cidrs: [0.0.0.0/0]}]}]
                          instances: [{id: i-1, securityGroups: [web]}]
                        backup:
                          vaults: [{name: v}]
                          plans: [{name: p, rules: [{name: r, vault: v}], selections: [{name: s, resources: ["ec2:i-1"]}]}]
                """).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)), "derivation is stable");
    }

    @Test
    void mistakesInTheFileAreRefusedWithAReason() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> normalize("""
                accounts:
                  - id: "123456789012"
                    rolez: []
                """));
        assertTrue(typo.getMessage().contains("rolez"), typo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> normalize("""
                accounts:
                  - id: "123456789012"
                    regions: {eu-south-1: {}}
                """));
        assertThrows(IllegalArgumentException.class, () -> normalize("""
                accounts:
                  - id: "123456789012"
                    regions: {eu-west-1: {ec2: {instances: [{securityGroups: [missing]}]}}}
                """));
        assertThrows(IllegalArgumentException.class, () -> normalize("{\"accounts\": [{\"id\": \"12\"}]}"));
    }

    @Test
    void stackSetMembersBecomeAccountsWithTheOrganisationsRole() {
        EstateDocument document = read("""
                organizations:
                  - id: o-stackset001
                    managementAccountId: "710000000000"
                    stackSetMembers: {count: 3, externalId: cw-org-one-id, withoutRole: 1}
                """);
        assertEquals(List.of("710000000000", "710000000001", "710000000002", "710000000003"),
                document.accounts().stream().map(Account::id).toList());
        Organization organization = document.organizations().get(0);
        assertNull(organization.stackSetMembers());
        assertEquals(List.of("710000000001", "710000000002", "710000000003"),
                organization.members().stream().map(OrganizationMember::id).toList());
        for (Account account : document.accounts().subList(0, 3)) {
            Role role = account.role("CloudwardSecurityAudit").orElseThrow();
            assertEquals("cw-org-one-id", role.externalId());
            assertEquals(List.of(Role.HUB), role.trustedPrincipals());
            assertNull(role.allowedActions(), "the estate gives it the template's actions");
        }
        assertTrue(document.accounts().get(3).roles().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> read("""
                accounts: [{id: "710000000002"}]
                organizations:
                  - {id: o-stackset001, managementAccountId: "710000000000", stackSetMembers: {count: 3, externalId: x}}
                """));
    }

    private static EstateDocument read(String yaml) {
        return EstateReader.read(yaml.getBytes(StandardCharsets.UTF_8), ANCHOR);
    }

    private static Account normalize(String yaml) {
        EstateDocument document = EstateReader.read(yaml.getBytes(StandardCharsets.UTF_8), ANCHOR);
        return new EstateNormalizer(ANCHOR).normalize(document.accounts().get(0));
    }
}
