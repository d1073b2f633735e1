package io.cloudward.aws;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.http.conn.DnsResolver;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;

/**
 * Resolves an endpoint host and every sub-domain of it to the endpoint's own address.
 *
 * <p>S3 Control puts the account id in front of the host ({@code 111122223333.localhost}) even with an
 * endpoint override, and such names do not resolve on an ordinary machine. Every other name goes to the
 * system resolver.
 */
final class EndpointDnsResolver implements DnsResolver {

    private final String host;
    private final String suffix;
    private final InetAddress[] addresses;

    EndpointDnsResolver(String host) throws UnknownHostException {
        this.host = host.toLowerCase(Locale.ROOT);
        this.suffix = "." + this.host;
        this.addresses = InetAddress.getAllByName(host);
    }

    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(host) || lower.endsWith(suffix)) {
            return addresses.clone();
        }
        return SystemDefaultDnsResolver.INSTANCE.resolve(name);
    }
}
