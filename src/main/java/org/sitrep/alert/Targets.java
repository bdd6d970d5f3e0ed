package org.sitrep.alert;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Checks webhook URLs: http(s) only, and no loopback, private or link-local targets unless allowed (SSRF). */
public final class Targets {
    private Targets() {}

    public static URI check(String url, boolean allowPrivate) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook URL '" + url + "' is not a URL");
        }
        if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme())) {
            throw new IllegalArgumentException("webhook URLs must be http or https");
        }
        if (u.getHost() == null) throw new IllegalArgumentException("webhook URL '" + url + "' has no host");
        if (u.getUserInfo() != null) throw new IllegalArgumentException("webhook URLs must not carry credentials");
        if (!allowPrivate) {
            try {
                for (InetAddress a : InetAddress.getAllByName(u.getHost())) {
                    if (isPrivate(a)) throw new IllegalArgumentException("webhook host " + u.getHost() + " is a loopback, private or link-local address");
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("webhook host " + u.getHost() + " does not resolve");
            }
        }
        return u;
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) return true;
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) return (b[0] & 0xfe) == 0xfc;
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}
