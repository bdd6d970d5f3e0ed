package org.sitrep.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses URLs a public feed has no business pointing at: other schemes than http/https, and hosts
 * that resolve to loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade
 * NAT, multicast, unspecified or reserved addresses. Every address a name resolves to is checked, so
 * a DNS answer mixing one public and one private address is refused.
 *
 * <p>The check resolves through {@link InetAddress}, whose positive cache (30 s by default) the
 * HTTP client's own lookup hits right after, so both see the same answer. A rebinding attacker with a
 * TTL shorter than that cache cannot switch addresses between check and connect; one who can flush
 * the JVM cache could. Thread-safe.
 */
final class AddressGuard {
    private final boolean allowPrivate;
    private final Set<String> exempt;

    AddressGuard(boolean allowPrivate, Set<String> exemptHosts) {
        this.allowPrivate = allowPrivate;
        this.exempt = exemptHosts;
    }

    void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Reason.BAD_URL, uri, "only http and https are fetched, not '" + scheme + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) throw new FetchException(FetchException.Reason.BAD_URL, uri, "no host");
        if (allowPrivate || exempt.contains(host.toLowerCase(Locale.ROOT))) return;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Reason.DNS, uri, "host not found: " + host);
        }
        for (InetAddress a : all) {
            String why = forbidden(a);
            if (why != null) {
                throw new FetchException(FetchException.Reason.BLOCKED_ADDRESS, uri,
                        host + " resolves to " + a.getHostAddress() + " (" + why + "); private addresses are not allowed");
            }
        }
    }

    /** Why an address is refused, or null when it is a public unicast address. */
    static String forbidden(InetAddress a) {
        if (a.isAnyLocalAddress()) return "unspecified";
        if (a.isLoopbackAddress()) return "loopback";
        if (a.isLinkLocalAddress()) return "link-local";
        if (a.isSiteLocalAddress()) return "private";
        if (a.isMulticastAddress()) return "multicast";
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) return forbiddenV4(b);
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) return "unique local";
            // IPv4 embedded in NAT64 (64:ff9b::/96), 6to4 (2002::/16) and IPv4-compatible (::/96) forms
            if ((b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) return embedded(b, 12);
            if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) return embedded(b, 2);
            boolean zeros = true;
            for (int i = 0; i < 12; i++) zeros &= b[i] == 0;
            if (zeros) return "IPv4-compatible IPv6";
        }
        return null;
    }

    private static String embedded(byte[] v6, int at) {
        byte[] v4 = {v6[at], v6[at + 1], v6[at + 2], v6[at + 3]};
        try {
            InetAddress inner = InetAddress.getByAddress(v4);
            String why = forbidden(inner);
            return why == null ? null : "embeds " + inner.getHostAddress() + ", " + why;
        } catch (UnknownHostException e) {
            return "malformed embedded IPv4";
        }
    }

    private static String forbiddenV4(byte[] b) {
        int o0 = b[0] & 0xFF, o1 = b[1] & 0xFF, o2 = b[2] & 0xFF;
        if (o0 == 0) return "this-network";
        if (o0 == 100 && (o1 & 0xC0) == 64) return "carrier-grade NAT";
        if (o0 == 192 && o1 == 0 && o2 == 0) return "IETF protocol assignments";
        if (o0 == 198 && (o1 & 0xFE) == 18) return "benchmarking";
        if (o0 >= 240) return "reserved";
        return null;
    }
}
