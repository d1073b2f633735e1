package io.cloudward.integrations;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SSRF: what the delivery client refuses, by URL and after DNS resolution. */
class OutboundPolicyTest {
    private final OutboundPolicy production = new OutboundPolicy(false);
    private final OutboundPolicy test = new OutboundPolicy(true);

    @Test
    void httpsToPublicAddressesOnly() {
        assertDoesNotThrow(() -> production.checkUrl("https://hooks.slack.com/services/T0/B0/x"));
        assertDoesNotThrow(() -> production.checkUrl("https://93.184.216.34/hook"));
        for (String url : new String[] {"http://hooks.example.com/x", "ftp://example.com/", "https://127.0.0.1/x",
                "https://10.0.0.1/x", "https://10.255.255.254:8443/x", "https://172.16.0.1/", "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data/", "https://[::1]/", "https://[fd00:ec2::254]/",
                "https://[::ffff:10.0.0.1]/", "https://0.0.0.0/", "https://100.64.0.1/", "https://user:pw@example.com/",
                "not a url", "https:///nohost"}) {
            assertThrows(OutboundPolicy.Refused.class, () -> production.checkUrl(url), url);
        }
    }

    @Test
    void loopbackOnlyWhenTheFlagAllowsIt() {
        assertThrows(OutboundPolicy.Refused.class, () -> production.checkUrl("http://localhost:8080/hook"));
        assertDoesNotThrow(() -> test.checkUrl("http://localhost:8080/hook"));
        assertDoesNotThrow(() -> test.checkUrl("http://127.0.0.1:8080/hook"));
        // the flag opens loopback, nothing else
        assertThrows(OutboundPolicy.Refused.class, () -> test.checkUrl("http://example.com/hook"));
        assertThrows(OutboundPolicy.Refused.class, () -> test.checkUrl("https://10.0.0.1/hook"));
        assertThrows(OutboundPolicy.Refused.class, () -> test.checkUrl("https://169.254.169.254/"));
    }

    @Test
    void namesAreCheckedAfterResolution() throws Exception {
        SafeDnsResolver dns = new SafeDnsResolver(production, Map.of("evil.example", "10.0.0.5",
                "metadata.example", "169.254.169.254", "fine.example", "93.184.216.34"));
        assertThrows(OutboundPolicy.Refused.class, () -> dns.resolve("evil.example"));
        assertThrows(OutboundPolicy.Refused.class, () -> dns.resolve("metadata.example"));
        assertThrows(OutboundPolicy.Refused.class, () -> dns.resolve("localhost"), "localhost resolves to loopback");
        assertThrows(OutboundPolicy.Refused.class, () -> dns.resolve("127.0.0.1"));
        assertDoesNotThrow(() -> dns.resolve("fine.example"));
        SafeDnsResolver local = new SafeDnsResolver(test, Map.of("evil.example", "10.0.0.5"));
        assertDoesNotThrow(() -> local.resolve("localhost"));
        assertThrows(OutboundPolicy.Refused.class, () -> local.resolve("evil.example"));
    }

    @Test
    void publicMeansGlobalUnicast() throws Exception {
        for (String a : new String[] {"10.1.2.3", "172.31.255.255", "192.168.0.1", "169.254.169.254", "127.0.0.1", "0.0.0.0",
                "224.0.0.1", "255.255.255.255", "100.100.100.200", "fe80::1", "fc00::1", "::1", "::"}) {
            org.junit.jupiter.api.Assertions.assertFalse(OutboundPolicy.isPublic(InetAddress.getByName(a)), a);
        }
        for (String a : new String[] {"8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"}) {
            org.junit.jupiter.api.Assertions.assertTrue(OutboundPolicy.isPublic(InetAddress.getByName(a)), a);
        }
    }
}
