package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.sandbox.estate.GeneratedEstate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Volume;

class SandboxEc2IT {

    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture(SandboxSettings.defaults().withPort(0)
                .withGenerated(new GeneratedEstate(20, List.of("eu-west-1"), 11)));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static Ec2Client client(String account, Region region) {
        return fixture.track(fixture.factory.create(Ec2Client.builder(), region, fixture.role(account)));
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void regionsShowOptInStatus() {
        Ec2Client ec2 = client(SandboxFixture.BLIND_SPOTS, Region.EU_WEST_1);
        Map<String, String> enabled = ec2.describeRegions().regions().stream()
                .collect(Collectors.toMap(r -> r.regionName(), r -> r.optInStatus()));
        assertEquals(18, enabled.size());
        assertEquals("opted-in", enabled.get("eu-south-1"));
        assertEquals("opt-in-not-required", enabled.get("eu-west-1"));
        Map<String, String> all = ec2.describeRegions(r -> r.allRegions(true)).regions().stream()
                .collect(Collectors.toMap(r -> r.regionName(), r -> r.optInStatus()));
        assertEquals(32, all.size());
        assertEquals("not-opted-in", all.get("af-south-1"));
        assertEquals(List.of("eu-south-1"), ec2.describeRegions(r -> r.filters(filter("opt-in-status", "opted-in")))
                .regions().stream().map(r -> r.regionName()).toList());
    }

    @Test
    void securityGroupsOpenToTheWorldOnDatabasePorts() {
        Ec2Client ec2 = client(SandboxFixture.EXPOSED_DB, Region.US_EAST_1);
        List<SecurityGroup> open = ec2.describeSecurityGroupsPaginator(r -> r.filters(
                filter("ip-permission.cidr", "0.0.0.0/0"), filter("ip-permission.from-port", "5432", "27017")))
                .securityGroups().stream().toList();
        assertEquals(List.of("db-public", "cache-open"), open.stream().map(SecurityGroup::groupName).toList());
        SecurityGroup dbPublic = open.get(0);
        assertEquals("Temporary access for <script>alert(1)</script> debugging", dbPublic.description());
        IpPermission postgres = dbPublic.ipPermissions().get(0);
        assertEquals(5432, postgres.fromPort());
        assertEquals("0.0.0.0/0", postgres.ipRanges().get(0).cidrIp());
        assertEquals("::/0", postgres.ipv6Ranges().get(0).cidrIpv6());
        assertEquals("-1", dbPublic.ipPermissionsEgress().get(0).ipProtocol());
        Ec2Exception unknownFilter = assertThrows(Ec2Exception.class, () -> ec2.describeSecurityGroups(r -> r
                .filters(filter("no-such-filter", "x"))));
        assertEquals("InvalidParameterValue", unknownFilter.awsErrorDetails().errorCode());
        Ec2Exception missing = assertThrows(Ec2Exception.class, () -> ec2.describeSecurityGroups(r -> r
                .groupIds("sg-00000000000000000")));
        assertEquals("InvalidGroup.NotFound", missing.awsErrorDetails().errorCode());
    }

    @Test
    void instancesWithPublicIpsAndTheirInterfaces() {
        Ec2Client ec2 = client(SandboxFixture.EXPOSED_DB, Region.US_EAST_1);
        List<Instance> exposed = ec2.describeInstancesPaginator(r -> r.filters(
                        filter("instance.group-id", "sg-0e4b05ed0b00000db"), filter("instance-state-name", "running")))
                .reservations().stream().flatMap(reservation -> reservation.instances().stream()).toList();
        assertEquals(2, exposed.size());
        Instance tagged = exposed.stream().filter(i -> i.instanceId().equals("i-0e4b05ed0b0000003")).findFirst()
                .orElseThrow();
        assertEquals("3.91.22.19", tagged.publicIpAddress());
        assertEquals("<script>alert(1)</script>", tagged.tags().get(0).value());
        assertEquals(InstanceStateName.RUNNING, tagged.state().name());
        assertEquals(2, tagged.securityGroups().size());
        List<NetworkInterface> publicInterfaces = ec2.describeNetworkInterfacesPaginator(r -> r.filters(
                filter("group-id", "sg-0e4b05ed0b00000db"))).networkInterfaces().stream().toList();
        assertEquals(3, publicInterfaces.size(), "two instances and the RDS interface");
        NetworkInterface attached = ec2.describeNetworkInterfaces(r -> r.filters(
                filter("attachment.instance-id", "i-0e4b05ed0b0000001"))).networkInterfaces().get(0);
        assertEquals("3.91.22.17", attached.association().publicIp());
        assertEquals("i-0e4b05ed0b0000001", attached.attachment().instanceId());
        List<Volume> unencrypted = ec2.describeVolumesPaginator(r -> r.filters(filter("encrypted", "false")))
                .volumes().stream().toList();
        assertEquals(List.of("vol-0e4b05ed0b0000102"), unencrypted.stream().map(Volume::volumeId).toList());
        assertTrue(ec2.getEbsEncryptionByDefault(r -> { }).ebsEncryptionByDefault());
        assertFalse(client(SandboxFixture.CODESPACES, Region.EU_WEST_1).getEbsEncryptionByDefault(r -> { })
                .ebsEncryptionByDefault());
    }

    @Test
    void terminatedInstancesStayVisibleWithoutAddresses() {
        Ec2Client ec2 = client(SandboxFixture.CODESPACES, Region.EU_WEST_1);
        List<Instance> terminated = ec2.describeInstancesPaginator(r -> r.filters(
                filter("instance-state-name", "terminated"))).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList();
        assertEquals(2, terminated.size());
        assertTrue(terminated.stream().allMatch(i -> i.privateIpAddress() == null && i.networkInterfaces().isEmpty()));
    }

    @Test
    void paginationWithMaxResultsWalksEveryResourceOnce() {
        String account = fixture.sandbox.estate().generator().orElseThrow().accountId(
                firstBusyAccount(fixture.sandbox.estate().generator().orElseThrow()));
        Ec2Client ec2 = client(account, Region.EU_WEST_1);
        List<String> groups = ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5)).securityGroups().stream()
                .map(SecurityGroup::groupId).toList();
        List<String> all = ec2.describeSecurityGroups().securityGroups().stream().map(SecurityGroup::groupId).toList();
        assertEquals(all, groups);
        List<String> instances = ec2.describeInstancesPaginator(r -> r.maxResults(5)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).map(Instance::instanceId).toList();
        assertEquals(instances.size(), instances.stream().distinct().count());
        assertFalse(instances.isEmpty());
        Ec2Exception tooSmall = assertThrows(Ec2Exception.class, () -> ec2.describeInstances(r -> r.maxResults(3)));
        assertEquals("InvalidParameterValue", tooSmall.awsErrorDetails().errorCode());
    }

    @Test
    void dryRunAnswersWhetherTheCallWouldSucceed() {
        Ec2Client ec2 = client(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1);
        Ec2Exception dryRun = assertThrows(Ec2Exception.class, () -> ec2.describeInstances(r -> r.dryRun(true)));
        assertEquals("DryRunOperation", dryRun.awsErrorDetails().errorCode());
        assertEquals(412, dryRun.statusCode());
    }

    private static int firstBusyAccount(io.cloudward.sandbox.estate.gen.EstateGenerator generator) {
        for (int i = 0; i < generator.spec().accounts(); i++) {
            if (generator.usedRegions(i).contains("eu-west-1")) {
                return i;
            }
        }
        throw new IllegalStateException("no generated account works in eu-west-1");
    }
}
