package io.cloudward.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** S3 Control calls {@code <account>.<endpoint host>}: every sub-domain must reach the sandbox. */
class SandboxEndpointDnsResolverTest {

    @Test
    void subDomainsOfTheEndpointHostResolveToIt() throws UnknownHostException {
        EndpointDnsResolver resolver = new EndpointDnsResolver("localhost");
        InetAddress[] expected = InetAddress.getAllByName("localhost");
        assertArrayEquals(expected, resolver.resolve("localhost"));
        assertArrayEquals(expected, resolver.resolve("111122223333.localhost"));
        assertArrayEquals(expected, resolver.resolve("111122223333.LOCALHOST"));
        assertThrows(UnknownHostException.class, () -> resolver.resolve("no-such-host.invalid"));
    }
}
