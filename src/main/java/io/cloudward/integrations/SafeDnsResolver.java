package io.cloudward.integrations;

import org.apache.http.conn.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * The delivery client's DNS: resolves, then lets {@link OutboundPolicy} refuse the name if any of its
 * addresses is not allowed. The HTTP client connects only to the addresses returned here (the host name
 * stays in the Host header and TLS SNI), so nothing can re-resolve between the check and the connect.
 *
 * @param overrides fixed answers for names (tests and air-gapped installs); still checked
 */
final class SafeDnsResolver implements DnsResolver {
    private final OutboundPolicy policy;
    private final Map<String, String> overrides;

    SafeDnsResolver(OutboundPolicy policy, Map<String, String> overrides) {
        this.policy = policy;
        this.overrides = overrides;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String override = overrides.get(host.toLowerCase(Locale.ROOT));
        InetAddress[] addresses = override != null
                ? new InetAddress[] {InetAddress.getByName(override)}
                : InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            policy.check(host, address);
        }
        return addresses;
    }
}
