package io.cloudward.checks.exposure;

import io.cloudward.checks.CheckRegistry;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Severity;
import io.cloudward.collect.snapshot.SecurityGroupFacts.IngressPermission;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.assertNotContains;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static io.cloudward.checks.exposure.SecurityGroups.group;
import static io.cloudward.checks.exposure.SecurityGroups.instance;
import static io.cloudward.checks.exposure.SecurityGroups.ipv6Instance;
import static io.cloudward.checks.exposure.SecurityGroups.loadBalancer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SecurityGroupInternetChecksTest {

    private static final CheckRegistry REGISTRY = CheckRegistry.standard();

    @Nested
    class Databases {
        private final SecurityGroupOpenDatabasePorts check = new SecurityGroupOpenDatabasePorts();

        @Test
        void exposedWhenAttachedToAnInstanceWithAPublicIp() {
            CheckResult result = assertResult(check.evaluate(group(List.of(IngressPermission.tcp(5432, 5432, "0.0.0.0/0")),
                            instance("i-0123", "54.1.2.3")), context()), FAIL,
                    "Security group sg-0abc (web-prod) allows 0.0.0.0/0 to port 5432 (PostgreSQL) and is attached to "
                            + "i-0123 with public IP 54.1.2.3");
            assertEquals("EXPOSED", result.variant());
            assertEquals(Severity.CRITICAL, REGISTRY.severityOf(result));
            assertEquals("arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc", result.resource().id());
            assertEquals(List.of("i-0123 with public IP 54.1.2.3"), result.evidence().get("reachable"));
        }

        @Test
        void permissiveWhenNothingUsesIt() {
            CheckResult result = assertResult(check.evaluate(group(List.of(IngressPermission.tcp(3306, 3306, "0.0.0.0/0"))),
                    context()), FAIL, "0.0.0.0/0 to port 3306 (MySQL/MariaDB)", "nothing uses it today");
            assertEquals("PERMISSIVE", result.variant());
            assertEquals(Severity.MEDIUM, REGISTRY.severityOf(result));
        }

        @Test
        void permissiveWhenAttachedOnlyToPrivateInterfaces() {
            CheckResult result = assertResult(check.evaluate(group(List.of(IngressPermission.tcp(6379, 6379, "0.0.0.0/0")),
                    instance("i-private", null)), context()), FAIL, "attached to i-private, none with a public address");
            assertEquals("PERMISSIVE", result.variant());
        }

        @Test
        void aPortRangeCoveringSeveralDatabasesNamesEach() {
            assertResult(check.evaluate(group(List.of(IngressPermission.tcp(3000, 6000, "0.0.0.0/0"))), context()), FAIL,
                    "port 3306 (MySQL/MariaDB)", "port 5432 (PostgreSQL)");
        }

        @Test
        void udpMemcachedIsCaught() {
            assertResult(check.evaluate(group(List.of(IngressPermission.udp(11211, 11211, "0.0.0.0/0"))), context()), FAIL,
                    "port 11211/udp (Memcached)");
        }

        @Test
        void passesWhenOpenOnlyToAPrivateRange() {
            assertResult(check.evaluate(group(List.of(IngressPermission.tcp(5432, 5432, "10.0.0.0/8")),
                    instance("i-0123", "54.1.2.3")), context()), PASS, "does not allow database ports from the internet");
        }

        @Test
        void passResultsCarryNoVariant() {
            assertNull(check.evaluate(group(List.of()), context()).variant());
        }
    }

    @Nested
    class Ssh {
        private final SecurityGroupOpenSsh check = new SecurityGroupOpenSsh();

        @Test
        void ipv6OpeningReachesOnlyInterfacesWithIpv6() {
            CheckResult result = assertResult(check.evaluate(group(List.of(IngressPermission.tcp(22, 22, "::/0")),
                            instance("i-v4only", "54.1.2.3"), ipv6Instance("i-v6", "2600:1f18::1")), context()), FAIL,
                    "::/0 to port 22 (SSH)", "i-v6 with IPv6 address 2600:1f18::1");
            assertNotContains(result, "i-v4only");
            assertEquals("EXPOSED", result.variant());
        }

        @Test
        void namesALoadBalancerInterfaceByItsDescription() {
            assertResult(check.evaluate(group(List.of(IngressPermission.tcp(22, 22, "0.0.0.0/0")), loadBalancer("3.3.3.3")),
                    context()), FAIL, "eni-lb (ELB app/web/123) with public IP 3.3.3.3");
        }

        @Test
        void allTrafficRuleOpensSsh() {
            assertResult(check.evaluate(group(List.of(IngressPermission.allTraffic("0.0.0.0/0"))), context()), FAIL,
                    "0.0.0.0/0 to port 22 (SSH)");
        }

        @Test
        void numericProtocolSixIsTcp() {
            IngressPermission numeric = new IngressPermission("6", Optional.of(22), Optional.of(22), List.of("0.0.0.0/0"), List.of());
            assertResult(check.evaluate(group(List.of(numeric)), context()), FAIL, "port 22 (SSH)");
        }

        @Test
        void icmpRulesAreIgnoredEvenWhenTheirTypeLooksLikeAPort() {
            IngressPermission icmp = new IngressPermission("icmp", Optional.of(0), Optional.of(255), List.of("0.0.0.0/0"), List.of());
            assertResult(check.evaluate(group(List.of(icmp)), context()), PASS);
        }

        @Test
        void otherPortsPass() {
            assertResult(check.evaluate(group(List.of(IngressPermission.tcp(443, 443, "0.0.0.0/0", "::/0"))), context()), PASS,
                    "does not allow SSH (port 22) from the internet");
        }

        @Test
        void listsAtMostThreeTargets() {
            CheckResult result = assertResult(check.evaluate(group(List.of(IngressPermission.tcp(22, 22, "0.0.0.0/0")),
                    instance("i-1", "1.1.1.1"), instance("i-2", "1.1.1.2"), instance("i-3", "1.1.1.3"),
                    instance("i-4", "1.1.1.4"), instance("i-5", "1.1.1.5")), context()), FAIL, "and 2 more");
            assertEquals(5, ((List<?>) result.evidence().get("reachable")).size());
        }
    }

    @Nested
    class Rdp {
        private final SecurityGroupOpenRdp check = new SecurityGroupOpenRdp();

        @Test
        void failsForTcpAndUdp() {
            assertResult(check.evaluate(group(List.of(IngressPermission.udp(3389, 3389, "0.0.0.0/0"))), context()), FAIL,
                    "port 3389/udp (RDP)");
            assertResult(check.evaluate(group(List.of(IngressPermission.tcp(3389, 3389, "0.0.0.0/0"))), context()), FAIL,
                    "port 3389 (RDP)");
        }

        @Test
        void passesWithoutRdp() {
            assertResult(check.evaluate(group(List.of(IngressPermission.tcp(22, 22, "0.0.0.0/0"))), context()), PASS);
        }
    }

    @Nested
    class AdminServices {
        private final SecurityGroupOpenAdminServicePorts check = new SecurityGroupOpenAdminServicePorts();

        @Test
        void failsForTheDockerApi() {
            CheckResult result = assertResult(check.evaluate(group(List.of(IngressPermission.tcp(2375, 2375, "0.0.0.0/0")),
                    instance("i-docker", "18.0.0.1")), context()), FAIL, "port 2375 (Docker API)", "i-docker");
            assertEquals(Severity.CRITICAL, REGISTRY.severityOf(result));
        }

        @Test
        void passesForAWebServer() {
            assertResult(check.evaluate(group(List.of(IngressPermission.tcp(80, 80, "0.0.0.0/0"),
                    IngressPermission.tcp(443, 443, "0.0.0.0/0"))), context()), PASS);
        }
    }

    @Nested
    class AllPorts {
        private final SecurityGroupOpenAllPorts check = new SecurityGroupOpenAllPorts();

        @Test
        void failsForProtocolMinusOne() {
            assertResult(check.evaluate(group(List.of(IngressPermission.allTraffic("0.0.0.0/0", "::/0"))), context()), FAIL,
                    "0.0.0.0/0 to all traffic (every protocol and port) and ::/0 to all traffic");
        }

        @Test
        void failsForTheWholeTcpRange() {
            assertResult(check.evaluate(group(List.of(IngressPermission.tcp(0, 65535, "0.0.0.0/0"))), context()), FAIL,
                    "every TCP port");
        }

        @Test
        void passesForAWideButPartialRange() {
            assertResult(check.evaluate(group(List.of(IngressPermission.tcp(1024, 65535, "0.0.0.0/0"))), context()), PASS,
                    "traffic on every port");
        }

        @Test
        void passesForAllTrafficFromInsideTheVpc() {
            assertResult(check.evaluate(group(List.of(IngressPermission.allTraffic("10.0.0.0/16"))), context()), PASS);
        }
    }
}
