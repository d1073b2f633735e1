package io.cloudward.integrations;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where Cloudward may send alerts: https only, and never to this machine, a private network, link-local
 * (the cloud metadata service at 169.254.169.254) or other reserved addresses. URLs are checked when
 * saved and again when sent; addresses are checked after DNS resolution, at connect time
 * ({@link SafeDnsResolver}), so a name that later resolves to an internal address is refused too.
 * {@code allowLoopback} (only %dev and %test) lets plain http reach receivers on this machine.
 */
public final class OutboundPolicy {

    /** A destination address or URL Cloudward refuses to call. Not retried. */
    public static final class Refused extends UnknownHostException {
        public Refused(String message) {
            super(message);
        }
    }

    private final boolean allowLoopback;

    public OutboundPolicy(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Checks scheme, host and a literal address; the name itself is checked again once resolved. */
    public URI checkUrl(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new Refused("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getUserInfo() != null) {
            throw new Refused("the URL needs a host and no user name or password in it");
        }
        if (scheme.equals("http")) {
            if (!(allowLoopback && loopbackName(host))) {
                throw new Refused("only https URLs are allowed");
            }
        } else if (!scheme.equals("https")) {
            throw new Refused("only https URLs are allowed");
        }
        if (literal(host)) {
            try {
                check(host, InetAddress.getByName(stripBrackets(host)));
            } catch (Refused e) {
                throw e;
            } catch (UnknownHostException e) {
                throw new Refused("not a valid address: " + host);
            }
        }
        return uri;
    }

    /** Refuses the connection when any address a name resolved to is not a public one. */
    public void check(String host, InetAddress address) throws Refused {
        if (address.isLoopbackAddress()) {
            if (allowLoopback) {
                return;
            }
            throw new Refused(host + " resolves to this machine (" + address.getHostAddress() + ")");
        }
        if (!isPublic(address)) {
            throw new Refused(host + " resolves to a private, link-local or reserved address (" + address.getHostAddress() + ")");
        }
    }

    /** Public unicast: not private (RFC 1918, fc00::/7), link-local, carrier NAT, multicast or reserved. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local, including fd00:ec2::254 (the EC2 metadata service over IPv6)
            }
            if (isMappedV4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return (b[0] & 0xe0) == 0x20; // global unicast 2000::/3
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0
                    && !(first == 100 && second >= 64 && second <= 127)   // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))    // benchmarking
                    && first < 224;                                          // multicast and reserved
        }
        return false;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }

    private static boolean loopbackName(String host) {
        String h = stripBrackets(host).toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
    }

    private static boolean literal(String host) {
        String h = stripBrackets(host);
        return h.contains(":") || h.matches("[0-9.]+");
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
